/* ui-test-helpers.c: fixtures shared by the display tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "sp-annotations.h"
#include "sp-sample.h"
#include "ui-test-helpers.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @check is TRUE; FALSE if it never was. */
gboolean
wait_for (CheckFunc check,
          gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (TIMEOUT_MS, timeout_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return check (data);
}

gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
wait_for_mapped (GtkWidget *widget)
{
  return wait_for (is_mapped, widget);
}

/* Runs the main loop for @ms milliseconds. */
void
spin (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* The sample project, built afresh as @file_name in a new temporary
 * directory made from @dir_template; the directory goes to @dir_out. */
SpProject *
open_sample_project (const char  *dir_template,
                     const char  *file_name,
                     char       **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (dir_template, &error);
  g_autofree char *path = NULL;
  SpProject *project;

  g_assert_no_error (error);
  path = g_build_filename (dir, file_name, NULL);
  project = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  *dir_out = g_steal_pointer (&dir);

  return project;
}

void
remove_dir (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_cmpint (system (command), ==, 0);
}

/* A new main window @width pixels wide on @project (or none), mapped. */
SpWindow *
present_window (SpProject *project,
                int        width)
{
  SpWindow *window = sp_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  if (project != NULL)
    sp_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (is_mapped, window));

  return window;
}

/* Selects the first document whose title starts with @title_prefix in the
 * sidebar; its id. */
gint64
show_document (SpWindow   *window,
               const char *title_prefix)
{
  SpSidebar *sidebar = sp_window_get_sidebar (window);
  GtkListBox *list = sp_sidebar_get_document_list (sidebar);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      sp_sidebar_select_document (sidebar, sp_sidebar_row_get_id (row));
      if (g_str_has_prefix (sp_document_view_get_title (sp_window_get_document_view (window)), title_prefix))
        return sp_sidebar_row_get_id (row);
    }
}

guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

/* Character offset of @needle at or after @from, or -1. */
int
find_text (GtkTextBuffer *buffer,
           const char    *needle,
           int            from)
{
  GtkTextIter iter, match_start, match_end;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, from);
  if (!gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_TEXT_ONLY,
                                     &match_start, &match_end, NULL))
    return -1;

  return gtk_text_iter_get_offset (&match_start);
}

SpThemeInfo *
theme_with_shortcut (GPtrArray  *themes,
                     const char *shortcut)
{
  for (guint i = 0; i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);

      if (g_strcmp0 (theme->shortcut, shortcut) == 0)
        return theme;
    }

  return NULL;
}

GPtrArray *
list_annotations (SpProject *project,
                  gint64     document_id)
{
  SpAnnotationFilter filter = { document_id, 0, 0, SP_STANCE_NONE };
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = sp_project_list_annotations (project, &filter, &error);

  g_assert_no_error (error);
  return annotations;
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}
