/* sp-brief-dialog.c
 *
 * The brief is gathered in a thread on a connection of its own (a brief
 * of thousands of passages takes a noticeable moment), a short while
 * after the last change of scope; only its first pages are laid out, on
 * the main thread, with the same code that draws the PDF and the printed
 * pages. Exports run in a thread too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-brief-dialog.h"
#include "sp-brief-export.h"
#include "sp-brief-pages.h"
#include "sp-project-themes.h"
#include "sp-ui-rows.h"
#include "sp-worker.h"

#define PREVIEW_DELAY_MS  250
#define PREVIEW_PAGES     2
#define PREVIEW_GAP       16.0

struct _SpBriefDialog
{
  AdwWindow            parent_instance;

  AdwEntryRow         *title_row;
  AdwComboRow         *format_row;
  AdwComboRow         *paper_row;
  GtkSwitch           *memos_switch;
  GtkSwitch           *codebook_switch;
  AdwPreferencesGroup *themes_group;
  AdwPreferencesGroup *stakeholders_group;
  AdwPreferencesGroup *documents_group;
  AdwPreferencesGroup *stances_group;
  GtkDrawingArea      *preview;
  GtkLabel            *empty_label;
  GtkButton           *export_button;
  GtkButton           *print_button;

  SpProject           *project;
  GSettings           *settings;
  GPtrArray           *checks[SP_BRIEF_DIALOG_N_LISTS];  /* of GtkCheckButton */

  guint                preview_source;
  GCancellable        *preview_cancellable;
  SpBriefPages        *pages;
  double               page_width;
  double               page_height;
  guint                n_previews;
  gboolean             exporting;
};

G_DEFINE_FINAL_TYPE (SpBriefDialog, sp_brief_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const format_names[] = { "md", "html", "pdf" };
static const char * const paper_names[] = { "auto", "a4", "letter" };

/* Scope */

static SpBriefPaper
chosen_paper (SpBriefDialog *self)
{
  SpBriefPaper paper = SP_BRIEF_PAPER_A4;
  guint index = adw_combo_row_get_selected (self->paper_row);

  sp_brief_paper_from_string (paper_names[MIN (index, G_N_ELEMENTS (paper_names) - 1)], &paper);
  return paper;
}

static SpBriefFormat
chosen_format (SpBriefDialog *self)
{
  SpBriefFormat format = SP_BRIEF_FORMAT_PDF;
  guint index = adw_combo_row_get_selected (self->format_row);

  sp_brief_format_from_string (format_names[MIN (index, G_N_ELEMENTS (format_names) - 1)], &format);
  return format;
}

static gint64
check_id (GtkCheckButton *check)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "sp-id");

  return *id;
}

/* All ticked: no filter (empty @ids). None: FALSE. */
static gboolean
collect_ticked (GPtrArray *checks,
                GArray    *ids)
{
  guint n_active = 0;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      n_active++;

  if (n_active == 0 && checks->len > 0)
    return FALSE;
  if (n_active == checks->len)
    return TRUE;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gint64 id = check_id (check);

      if (gtk_check_button_get_active (check))
        g_array_append_val (ids, id);
    }
  return TRUE;
}

SpBriefScope *
sp_brief_dialog_dup_scope (SpBriefDialog *self)
{
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(GArray) stances = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SP_IS_BRIEF_DIALOG (self), NULL);

  if (!collect_ticked (self->checks[SP_BRIEF_DIALOG_THEMES], scope->theme_ids) ||
      !collect_ticked (self->checks[SP_BRIEF_DIALOG_STAKEHOLDERS], scope->stakeholder_ids) ||
      !collect_ticked (self->checks[SP_BRIEF_DIALOG_DOCUMENTS], scope->document_ids) ||
      !collect_ticked (self->checks[SP_BRIEF_DIALOG_STANCES], stances))
    return NULL;

  for (guint i = 0; i < stances->len; i++)
    scope->stances |= 1u << (guint) g_array_index (stances, gint64, i);
  scope->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  scope->include_memos = gtk_switch_get_active (self->memos_switch);
  scope->include_codebook = gtk_switch_get_active (self->codebook_switch);
  return g_steal_pointer (&scope);
}

/* Preview */

/* In the worker: the brief of @data, a scope. */
static gpointer
gather_brief (SpProject  *connection,
              gpointer    data,
              GError    **error)
{
  return sp_brief_new (connection, data, error);
}

/* A scratch surface to measure text with: layouts use unhinted metrics
 * (sp-brief-pages.c), so the page breaks match the PDF's. */
static guint
paginate_preview (SpBriefPages *pages)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint n_pages = sp_brief_pages_paginate (pages, cr, PREVIEW_PAGES);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

/* Tall enough for the pages at the width the preview has. */
static void
update_preview_height (SpBriefDialog *self,
                       int            width)
{
  double scale;
  guint n_pages;

  if (self->pages == NULL || width <= 0)
    return;
  scale = MIN ((width - 2 * PREVIEW_GAP) / self->page_width, 1.5);
  n_pages = MAX (sp_brief_pages_get_n_pages (self->pages), 1);
  gtk_drawing_area_set_content_height (self->preview,
                                       (int) (n_pages * (self->page_height * scale + PREVIEW_GAP) + PREVIEW_GAP));
}

static void
gather_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpBriefDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBrief) brief = sp_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* a newer scope is on its way */
  if (brief == NULL)
    {
      sp_show_error_dialog (GTK_WINDOW (self), _("Could not make the brief"), error);
      return;
    }

  sp_brief_paper_get_size (chosen_paper (self), &self->page_width, &self->page_height);
  g_clear_pointer (&self->pages, sp_brief_pages_free);
  self->pages = sp_brief_pages_new (brief, self->page_width, self->page_height);
  paginate_preview (self->pages);
  self->n_previews++;
  update_preview_height (self, gtk_widget_get_width (GTK_WIDGET (self->preview)));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static gboolean
render_preview_cb (gpointer user_data)
{
  SpBriefDialog *self = user_data;
  g_autoptr(SpBriefScope) scope = sp_brief_dialog_dup_scope (self);

  self->preview_source = 0;
  sp_worker_cancel (&self->preview_cancellable);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), scope == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), scope != NULL && !self->exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), scope != NULL);
  if (scope == NULL)
    {
      g_clear_pointer (&self->pages, sp_brief_pages_free);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview));
      return G_SOURCE_REMOVE;
    }

  /* The project was closed under the dialog: there is nothing to show. */
  if (!sp_project_is_open (self->project))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return G_SOURCE_REMOVE;
    }

  sp_worker_run_async (NULL, self->project, gather_brief, g_steal_pointer (&scope),
                       (GDestroyNotify) sp_brief_scope_free, (GDestroyNotify) sp_brief_free,
                       sp_worker_restart (&self->preview_cancellable), gather_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
scope_changed_cb (SpBriefDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, render_preview_cb, self);
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  SpBriefDialog *self = user_data;
  double scale, page_height, x;
  guint n_pages;

  cairo_set_source_rgb (cr, 0.85, 0.85, 0.84);
  cairo_paint (cr);
  if (self->pages == NULL)
    return;

  scale = MIN ((width - 2 * PREVIEW_GAP) / self->page_width, 1.5);
  page_height = self->page_height * scale;
  x = (width - self->page_width * scale) / 2;
  n_pages = sp_brief_pages_get_n_pages (self->pages);

  for (guint i = 0; i < n_pages; i++)
    {
      double y = PREVIEW_GAP + i * (page_height + PREVIEW_GAP);

      cairo_save (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_rectangle (cr, x + 2, y + 2, self->page_width * scale, page_height);
      cairo_fill (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
      cairo_clip (cr);
      sp_brief_pages_draw_page (self->pages, cr, i);
      cairo_restore (cr);
    }
}

static void
preview_resize_cb (GtkDrawingArea *area,
                   int             width,
                   int             height,
                   SpBriefDialog  *self)
{
  update_preview_height (self, width);
}

/* Export */

typedef struct
{
  SpBriefScope  *scope;
  SpBriefFormat  format;
  SpBriefPaper   paper;
  char          *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  sp_brief_scope_free (job->scope);
  g_free (job->path);
  g_free (job);
}

/* In the worker: the brief written to its path, which it returns. */
static gpointer
export_brief (SpProject  *connection,
              gpointer    data,
              GError    **error)
{
  ExportJob *job = data;

  if (!sp_brief_export (connection, job->scope, job->format, job->paper, job->path, NULL, error))
    return NULL;
  return g_strdup (job->path);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpBriefDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sp_worker_run_finish (result, &error);

  self->exporting = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  if (path == NULL)
    {
      sp_show_error_dialog (GTK_WINDOW (self), _("Could not export the brief"), error);
      return;
    }
  g_signal_emit (self, signals[EXPORTED], 0, path);
}

void
sp_brief_dialog_export_to_path (SpBriefDialog *self,
                                const char    *path)
{
  g_autoptr(SpBriefScope) scope = NULL;
  ExportJob *job;

  g_return_if_fail (SP_IS_BRIEF_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->exporting || !sp_project_is_open (self->project) ||
      (scope = sp_brief_dialog_dup_scope (self)) == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->scope = g_steal_pointer (&scope);
  job->format = chosen_format (self);
  job->paper = chosen_paper (self);
  job->path = g_strdup (path);

  self->exporting = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  sp_worker_run_async (NULL, self->project, export_brief, job, (GDestroyNotify) export_job_free, g_free,
                       NULL, export_done_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SpBriefDialog   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        sp_brief_dialog_export_to_path (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_clicked_cb (SpBriefDialog *self)
{
  GtkFileChooserNative *chooser;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *name = g_strdup_printf ("%s.%s", title[0] != '\0' ? title : _("Brief"),
                                           sp_brief_format_to_string (chosen_format (self)));

  /* A title may hold a "/", which a file name cannot. */
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  chooser = gtk_file_chooser_native_new (_("Export Brief"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print */

#define PRINT_PAGES_PER_STEP 10

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SpBrief           *brief)
{
  SpBriefPages *pages = sp_brief_pages_new (brief, gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context));

  g_object_set_data_full (G_OBJECT (operation), "sp-pages", pages, (GDestroyNotify) sp_brief_pages_free);
  sp_brief_pages_paginate_begin (pages, gtk_print_context_get_cairo_context (context));
}

/* A few pages at a time between the window's events, with GTK's progress
 * dialog up: a brief of thousands of pages takes seconds to lay out. */
static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  SpBriefPages *pages = g_object_get_data (G_OBJECT (operation), "sp-pages");

  if (!sp_brief_pages_paginate_more (pages, PRINT_PAGES_PER_STEP))
    return FALSE;
  gtk_print_operation_set_n_pages (operation, (int) sp_brief_pages_get_n_pages (pages));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  SpBriefPages *pages = g_object_get_data (G_OBJECT (operation), "sp-pages");

  sp_brief_pages_draw_page (pages, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

GtkPrintOperation *
sp_brief_print_operation_new (SpProject           *project,
                              const SpBriefScope  *scope,
                              GError             **error)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *paper_name = g_settings_get_string (settings, "brief-paper-size");
  SpBrief *brief;
  SpBriefPaper paper = SP_BRIEF_PAPER_A4;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  /* Printing draws on the main thread anyway, page by page. */
  brief = sp_brief_new (project, scope, error);
  if (brief == NULL)
    return NULL;

  sp_brief_paper_from_string (paper_name, &paper);
  paper_size = gtk_paper_size_new (paper == SP_BRIEF_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper_size);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, brief->title);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "sp-brief", brief, (GDestroyNotify) sp_brief_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), brief);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  return operation;
}

void
sp_brief_print (GtkWindow          *parent,
                SpProject          *project,
                const SpBriefScope *scope)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = sp_brief_print_operation_new (project, scope, &error);
  if (operation == NULL ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sp_show_error_dialog (parent, _("Could not print the brief"), error);
}

static void
print_clicked_cb (SpBriefDialog *self)
{
  g_autoptr(SpBriefScope) scope = sp_brief_dialog_dup_scope (self);

  if (scope != NULL)
    sp_brief_print (GTK_WINDOW (self), self->project, scope);
}

/* Lists */

static GtkCheckButton *
add_check_row (SpBriefDialog       *self,
               SpBriefDialogList    list,
               AdwPreferencesGroup *group,
               gint64               id,
               const char          *title,
               guint                depth)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  gint64 *stored = g_new (gint64, 1);

  *stored = id;
  g_object_set_data_full (G_OBJECT (check), "sp-id", stored, g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (check, (int) depth * 18);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "notify::active", G_CALLBACK (scope_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->checks[list], check);
  return GTK_CHECK_BUTTON (check);
}

static void
fill_lists (SpBriefDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) themes = sp_project_list_themes (self->project, &error);
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  if (themes == NULL ||
      (stakeholders = sp_project_list_stakeholders (self->project, &error)) == NULL ||
      (documents = sp_project_list_documents (self->project, &error)) == NULL)
    {
      g_warning ("Could not list the project for the brief: %s", error->message);
      return;
    }

  for (guint i = 0; i < themes->len; i++)
    {
      const SpThemeInfo *theme = g_ptr_array_index (themes, i);

      add_check_row (self, SP_BRIEF_DIALOG_THEMES, self->themes_group, theme->id, theme->name, theme->depth);
    }
  for (guint i = 0; i < stakeholders->len; i++)
    {
      const SpStakeholderInfo *stakeholder = g_ptr_array_index (stakeholders, i);

      add_check_row (self, SP_BRIEF_DIALOG_STAKEHOLDERS, self->stakeholders_group,
                     stakeholder->id, stakeholder->name, 0);
    }
  for (guint i = 0; i < documents->len; i++)
    {
      const SpDocumentInfo *document = g_ptr_array_index (documents, i);

      add_check_row (self, SP_BRIEF_DIALOG_DOCUMENTS, self->documents_group, document->id, document->title, 0);
    }
  for (SpStance stance = SP_STANCE_SUPPORTS; stance <= SP_STANCE_UNCLEAR; stance++)
    add_check_row (self, SP_BRIEF_DIALOG_STANCES, self->stances_group, stance,
                   sp_stance_get_label (stance), 0);
  add_check_row (self, SP_BRIEF_DIALOG_STANCES, self->stances_group, SP_STANCE_NONE,
                 sp_stance_get_label (SP_STANCE_NONE), 0);
}

/* Tests */

GtkCheckButton *
sp_brief_dialog_get_check (SpBriefDialog     *self,
                           SpBriefDialogList  list,
                           gint64             id)
{
  g_return_val_if_fail (SP_IS_BRIEF_DIALOG (self), NULL);
  g_return_val_if_fail (list < SP_BRIEF_DIALOG_N_LISTS, NULL);

  for (guint i = 0; i < self->checks[list]->len; i++)
    if (check_id (g_ptr_array_index (self->checks[list], i)) == id)
      return g_ptr_array_index (self->checks[list], i);
  return NULL;
}

guint
sp_brief_dialog_get_n_previews (SpBriefDialog *self)
{
  g_return_val_if_fail (SP_IS_BRIEF_DIALOG (self), 0);
  return self->n_previews;
}

GtkWidget *
sp_brief_dialog_get_control (SpBriefDialog *self,
                             const char    *name)
{
  g_return_val_if_fail (SP_IS_BRIEF_DIALOG (self), NULL);

  if (g_strcmp0 (name, "title") == 0)
    return GTK_WIDGET (self->title_row);
  if (g_strcmp0 (name, "format") == 0)
    return GTK_WIDGET (self->format_row);
  if (g_strcmp0 (name, "paper") == 0)
    return GTK_WIDGET (self->paper_row);
  if (g_strcmp0 (name, "memos") == 0)
    return GTK_WIDGET (self->memos_switch);
  if (g_strcmp0 (name, "codebook") == 0)
    return GTK_WIDGET (self->codebook_switch);
  if (g_strcmp0 (name, "preview") == 0)
    return GTK_WIDGET (self->preview);
  return NULL;
}

/* Life cycle */

static guint
choice_index (const char * const *choices,
              guint               n_choices,
              const char         *value)
{
  for (guint i = 0; i < n_choices; i++)
    if (g_strcmp0 (choices[i], value) == 0)
      return i;
  return 0;
}

static void
sp_brief_dialog_dispose (GObject *object)
{
  SpBriefDialog *self = SP_BRIEF_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  sp_worker_cancel (&self->preview_cancellable);
  g_clear_pointer (&self->pages, sp_brief_pages_free);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  for (guint i = 0; i < SP_BRIEF_DIALOG_N_LISTS; i++)
    g_clear_pointer (&self->checks[i], g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BRIEF_DIALOG);
  G_OBJECT_CLASS (sp_brief_dialog_parent_class)->dispose (object);
}

static void
sp_brief_dialog_class_init (SpBriefDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_brief_dialog_dispose;

  /* The brief's file is in place at the path given. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sp-brief-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, memos_switch);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, codebook_switch);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, themes_group);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, stakeholders_group);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, documents_group);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, stances_group);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SpBriefDialog, print_button);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_brief_dialog_init (SpBriefDialog *self)
{
  for (guint i = 0; i < SP_BRIEF_DIALOG_N_LISTS; i++)
    self->checks[i] = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);
  g_signal_connect (self->preview, "resize", G_CALLBACK (preview_resize_cb), self);
}

GtkWidget *
sp_brief_dialog_new (GtkWindow *parent,
                     SpProject *project)
{
  SpBriefDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *paper = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  self = g_object_new (SP_TYPE_BRIEF_DIALOG, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->project = g_object_ref (project);
  self->settings = g_settings_new (APP_ID);

  /* Defaults from the preferences; changes here are for this brief only. */
  gtk_switch_set_active (self->memos_switch, g_settings_get_boolean (self->settings, "brief-include-memos"));
  gtk_switch_set_active (self->codebook_switch, g_settings_get_boolean (self->settings, "brief-include-codebook"));
  paper = g_settings_get_string (self->settings, "brief-paper-size");
  adw_combo_row_set_selected (self->paper_row, choice_index (paper_names, G_N_ELEMENTS (paper_names), paper));
  adw_combo_row_set_selected (self->format_row, SP_BRIEF_FORMAT_PDF);
  title = sp_project_dup_title (project);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");

  fill_lists (self);
  scope_changed_cb (self);
  return GTK_WIDGET (self);
}
