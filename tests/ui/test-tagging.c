/* test-tagging.c: annotating in the window — tagging a passage with a
 * theme's key and with the tagging popover, highlights, the annotations
 * pane, deleting with Undo in a toast, undo and redo, reopening, search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-project-themes.h"
#include "sp-sample.h"
#include "sp-window.h"
#include "ui-test-helpers.h"

#define THOMAS_SENTENCE "If I may I'd like to contribute a new word here"
#define THOMAS_SECOND   "That is ironic because we all know that the spirit of standardization"

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
has_tag_at (GtkTextBuffer *buffer,
            GtkTextTag    *tag,
            int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* @tag covers exactly [start, end) around it */
static void
assert_tag_exactly (GtkTextBuffer *buffer,
                    GtkTextTag    *tag,
                    int            start,
                    int            end)
{
  g_assert_nonnull (tag);
  for (int offset = start; offset < end; offset++)
    g_assert_true (has_tag_at (buffer, tag, offset));
  g_assert_false (has_tag_at (buffer, tag, start - 1));
  g_assert_false (has_tag_at (buffer, tag, end));
}

static void
assert_tag_absent (GtkTextBuffer *buffer,
                   GtkTextTag    *tag,
                   int            start,
                   int            end)
{
  for (int offset = start; tag != NULL && offset < end; offset++)
    g_assert_false (has_tag_at (buffer, tag, offset));
}

static GtkWidget *
find_button_with_icon (GtkWidget  *widget,
                       const char *icon_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_icon (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_tagging (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-tagging-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) popover_ids = NULL;
  SpThemeInfo *theme, *other;
  SpWindow *window;
  SpDocumentView *view;
  SpAnnotationsPanel *panel;
  SpSearchPanel *search;
  SpTagPopover *popover;
  SpSegmentInfo *turn;
  SpAnnotationInfo *info;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkListBoxRow *row;
  GtkWidget *panel_row;
  g_autofree char *theme_color = NULL;
  gint64 document_id, thomas_id, tagged_id;
  int start, end, start2, end2, s, e;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Tagging.standpoint", NULL);
  project = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);

  themes = sp_project_list_themes (project, &error);
  g_assert_no_error (error);
  theme = theme_with_shortcut (themes, "2");
  other = theme_with_shortcut (themes, "5");
  g_assert_nonnull (theme);
  g_assert_nonnull (other);
  theme_color = g_strdup (theme->color);

  window = present_window (project, 1200);
  view = sp_window_get_document_view (window);
  panel = sp_window_get_annotations_panel (window);
  search = sp_window_get_search_panel (window);
  popover = sp_window_get_tag_popover (window);
  buffer = sp_document_view_get_buffer (view);

  document_id = show_document (window, "Edited transcript");
  g_assert_cmpuint (list_annotations (project, document_id)->len, ==, 0);
  g_object_set (window, "annotations-visible", TRUE, NULL);
  spin (300);

  /* Thomas Li coins "like-minded standards" */
  start = find_text (buffer, THOMAS_SENTENCE, 0);
  g_assert_cmpint (start, >, 0);
  end = find_text (buffer, "like-minded standards", start);
  g_assert_cmpint (end, >, start);
  end += strlen ("like-minded standards");
  turn = sp_document_view_get_turn_at (view, start);
  g_assert_nonnull (turn);
  g_assert_cmpstr (turn->stakeholder, ==, "Thomas Li");
  thomas_id = turn->stakeholder_id;

  /* The theme's key tags the selection */
  sp_document_view_select_range (view, start, end);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-theme", "x", theme->id);

  annotations = list_annotations (project, document_id);
  g_assert_cmpuint (annotations->len, ==, 1);
  info = g_ptr_array_index (annotations, 0);
  tagged_id = info->id;
  g_assert_cmpint (info->start, ==, start);
  g_assert_cmpint (info->end, ==, end);
  g_assert_cmpuint (info->theme_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (info->theme_ids, gint64, 0), ==, theme->id);
  g_assert_cmpstr (info->stakeholder, ==, "Thomas Li");
  g_assert_cmpint (info->stance, ==, SP_STANCE_NONE);
  g_clear_pointer (&annotations, g_ptr_array_unref);

  tag = sp_document_view_get_highlight_tag (view, theme_color, FALSE);
  assert_tag_exactly (buffer, tag, start, end);
  assert_tag_exactly (buffer, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), SP_TAG_ANNOTATION),
                      start, end);
  g_assert_cmpuint (sp_annotations_panel_get_n_annotations (panel), ==, 1);
  g_assert_cmpint (sp_annotations_panel_get_id_at (panel, 0), ==, tagged_id);

  /* Undo takes it away, redo brings it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (list_annotations (project, document_id)->len, ==, 0);
  assert_tag_absent (buffer, tag, start, end);
  g_assert_cmpuint (sp_annotations_panel_get_n_annotations (panel), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (list_annotations (project, document_id)->len, ==, 1);
  assert_tag_exactly (buffer, tag, start, end);
  g_assert_cmpuint (sp_annotations_panel_get_n_annotations (panel), ==, 1);

  /* The popover: proposed stakeholder, stance Opposes, two themes */
  start2 = find_text (buffer, THOMAS_SECOND, end);
  g_assert_cmpint (start2, >, end);
  end2 = start2 + strlen (THOMAS_SECOND);
  g_assert_true (sp_document_view_get_turn_at (view, start2) == turn);
  sp_document_view_select_range (view, start2 + 1, end2 - 2); /* sloppy: snapped to words */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", NULL));
  g_assert_true (wait_for (is_mapped, popover));
  g_assert_cmpint (sp_tag_popover_get_stakeholder_id (popover), ==, thomas_id);
  g_assert_cmpint (sp_tag_popover_get_stance (popover), ==, SP_STANCE_NONE);
  g_assert_true (sp_document_view_get_selection (view, &s, &e));
  g_assert_cmpint (s, ==, start2);
  g_assert_cmpint (e, ==, end2);

  /* Typing filters the themes */
  sp_tag_popover_set_filter_text (popover, theme->name);
  g_assert_cmpuint (sp_tag_popover_get_n_visible_themes (popover), >=, 1);
  g_assert_cmpuint (sp_tag_popover_get_n_visible_themes (popover), <, themes->len);
  sp_tag_popover_set_filter_text (popover, "");

  sp_tag_popover_set_stance (popover, SP_STANCE_OPPOSES);
  sp_tag_popover_set_theme_checked (popover, theme->id, TRUE);
  sp_tag_popover_set_theme_checked (popover, other->id, TRUE);
  sp_tag_popover_set_memo (popover, "Ironic coinage");
  popover_ids = sp_tag_popover_get_theme_ids (popover);
  g_assert_cmpuint (popover_ids->len, ==, 2);
  g_assert_true (sp_tag_popover_activate_tag (popover));
  g_assert_true (wait_for (is_unmapped, popover));

  annotations = list_annotations (project, document_id);
  g_assert_cmpuint (annotations->len, ==, 2);
  info = g_ptr_array_index (annotations, 1);
  g_assert_cmpint (info->start, ==, start2);
  g_assert_cmpint (info->end, ==, end2);
  g_assert_cmpuint (info->theme_ids->len, ==, 2);
  g_assert_cmpstr (info->stakeholder, ==, "Thomas Li");
  g_assert_cmpint (info->stance, ==, SP_STANCE_OPPOSES);
  g_assert_cmpstr (info->memo, ==, "Ironic coinage");
  g_clear_pointer (&annotations, g_ptr_array_unref);
  g_assert_cmpuint (sp_annotations_panel_get_n_annotations (panel), ==, 2);
  assert_tag_exactly (buffer, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), SP_TAG_ANNOTATION),
                      start2, end2);

  /* A read-only refusal would be a toast; an empty selection changes nothing */
  {
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
    gtk_text_buffer_place_cursor (buffer, &iter);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-theme", "x", theme->id);
    g_assert_cmpuint (list_annotations (project, document_id)->len, ==, 2);
  }

  /* Clicking a row in the pane selects the passage */
  g_signal_emit_by_name (sp_annotations_panel_get_list (panel), "activate", 0u);
  panel_row = sp_annotations_panel_get_row (panel, 0);
  g_assert_nonnull (panel_row);
  g_assert_true (sp_document_view_get_selection (view, &s, &e));
  g_assert_cmpint (s, ==, start);
  g_assert_cmpint (e, ==, end);

  /* Deleting from the pane, then Undo in the toast */
  g_signal_emit_by_name (find_button_with_icon (panel_row, "user-trash-symbolic"), "clicked");
  g_assert_cmpuint (list_annotations (project, document_id)->len, ==, 1);
  g_assert_cmpuint (sp_annotations_panel_get_n_annotations (panel), ==, 1);
  assert_tag_absent (buffer, tag, start, end);
  g_assert_nonnull (sp_window_get_undo_toast (window));
  g_assert_cmpstr (adw_toast_get_button_label (sp_window_get_undo_toast (window)), ==, "_Undo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             adw_toast_get_action_name (sp_window_get_undo_toast (window)),
                                             NULL));
  g_assert_cmpuint (list_annotations (project, document_id)->len, ==, 2);
  assert_tag_exactly (buffer, tag, start, end);

  /* Search */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  sp_search_panel_set_query (search, "like-minded");
  g_assert_null (sp_search_panel_get_error (search));
  g_assert_cmpuint (count_rows (sp_search_panel_get_results (search)), >, 0);
  {
    /* Show the other document, so the hit has to open its own */
    GtkListBox *documents = sp_sidebar_get_document_list (sp_window_get_sidebar (window));

    for (int i = 0; gtk_list_box_get_row_at_index (documents, i) != NULL; i++)
      if (sp_sidebar_row_get_id (gtk_list_box_get_row_at_index (documents, i)) != document_id)
        sp_sidebar_select_document (sp_window_get_sidebar (window),
                                    sp_sidebar_row_get_id (gtk_list_box_get_row_at_index (documents, i)));
    g_assert_cmpint (sp_document_view_get_document_id (view), !=, document_id);
  }
  row = gtk_list_box_get_row_at_index (sp_search_panel_get_results (search), 0);
  g_signal_emit_by_name (sp_search_panel_get_results (search), "row-activated", row);
  g_assert_cmpint (sp_document_view_get_document_id (view), !=, 0);
  g_assert_true (sp_document_view_get_selection (view, &s, &e));
  {
    g_autofree char *selected = sp_document_view_get_text_range (view, s, e);

    g_assert_nonnull (strstr (selected, "like-minded"));
  }

  sp_search_panel_set_query (search, "\"");
  g_assert_nonnull (sp_search_panel_get_error (search));
  g_assert_cmpstr (sp_search_panel_get_error (search), !=, "");
  g_assert_cmpuint (count_rows (sp_search_panel_get_results (search)), ==, 0);

  /* Close everything, reopen: the annotations and highlights are there */
  gtk_window_destroy (GTK_WINDOW (window));
  sp_project_close (project);
  g_clear_object (&project);
  spin (50);

  project = sp_project_open (path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = present_window (project, 1200);
  view = sp_window_get_document_view (window);
  buffer = sp_document_view_get_buffer (view);
  document_id = show_document (window, "Edited transcript");
  g_assert_cmpuint (list_annotations (project, document_id)->len, ==, 2);
  assert_tag_exactly (buffer, sp_document_view_get_highlight_tag (view, theme_color, FALSE), start, end);

  gtk_window_destroy (GTK_WINDOW (window));
  sp_project_close (project);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/Standpoint/ui/tagging/tag-undo-panel-search", test_tagging);

  return g_test_run ();
}
