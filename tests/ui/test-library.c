/* test-library.c: the sidebar's themes and stakeholder counts, the
 * codebook editor and the stakeholder editor, all through the project's
 * undoable changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"
#include "sp-sample.h"
#include "sp-window.h"
#include "ui-test-helpers.h"

#define THOMAS_SENTENCE "If I may I'd like to contribute a new word here"

/* A label somewhere under @widget whose text contains @needle */
static const char *
find_label_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL)
    return gtk_label_get_label (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Sidebar rows are rebuilt when the main loop is idle */
typedef struct
{
  SpSidebar *sidebar;
  gint64     id;
  guint      expected;
} ThemeCount;

static gboolean
theme_count_is (gpointer data)
{
  ThemeCount *tc = data;
  GtkListBoxRow *row = sp_sidebar_find_row (sp_sidebar_get_theme_list (tc->sidebar), tc->id);

  return row != NULL && sp_sidebar_theme_row_get_n_annotations (row) == tc->expected;
}

static void
assert_theme_count (SpSidebar *sidebar,
                    gint64     theme_id,
                    guint      expected)
{
  ThemeCount tc = { sidebar, theme_id, expected };

  g_assert_true (wait_for (theme_count_is, &tc));
}

typedef struct
{
  SpSidebar  *sidebar;
  gint64      id;
  const char *needle;
} StakeholderText;

static gboolean
stakeholder_row_shows (gpointer data)
{
  StakeholderText *st = data;
  GtkListBoxRow *row = sp_sidebar_find_row (sp_sidebar_get_stakeholder_list (st->sidebar), st->id);

  return row != NULL && find_label_containing (GTK_WIDGET (row), st->needle) != NULL;
}

typedef struct
{
  SpSidebar *sidebar;
  guint      expected;
} NStakeholders;

static gboolean
n_stakeholders_is (gpointer data)
{
  NStakeholders *ns = data;

  return sp_sidebar_get_n_stakeholders (ns->sidebar) == ns->expected;
}

static gint64
tag_thomas (SpWindow *window,
            gint64    theme_id)
{
  SpDocumentView *view = sp_window_get_document_view (window);
  GtkTextBuffer *buffer = sp_document_view_get_buffer (view);
  SpAnnotationFilter filter = { sp_document_view_get_document_id (view), 0, 0, SP_STANCE_NONE };
  g_autoptr(GPtrArray) annotations = NULL;
  int start = find_text (buffer, THOMAS_SENTENCE, 0);

  g_assert_cmpint (start, >, 0);
  sp_document_view_select_range (view, start, start + strlen (THOMAS_SENTENCE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-theme", "x", theme_id));

  annotations = sp_project_list_annotations (sp_window_get_project (window), &filter, NULL);
  g_assert_nonnull (annotations);
  g_assert_cmpuint (annotations->len, ==, 1);
  return ((SpAnnotationInfo *) g_ptr_array_index (annotations, 0))->id;
}

static gboolean
annotation_has_theme (SpProject *project,
                      gint64     annotation_id,
                      gint64     theme_id)
{
  SpAnnotationFilter filter = { 0, 0, 0, SP_STANCE_NONE };
  g_autoptr(GPtrArray) annotations = sp_project_list_annotations (project, &filter, NULL);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (annotations, i);

      if (info->id != annotation_id)
        continue;
      for (guint j = 0; info->theme_ids != NULL && j < info->theme_ids->len; j++)
        if (g_array_index (info->theme_ids, gint64, j) == theme_id)
          return TRUE;
      return FALSE;
    }

  g_assert_not_reached ();
}

static void
apply_entry (AdwEntryRow *row,
             const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* Sidebar: theme rows with counts that follow tagging and undo; clicking a
 * theme filters the annotations pane; stakeholder rows count annotations */
static void
test_sidebar (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpProject) project = open_sample_project ("standpoint-library-XXXXXX", "Library.standpoint", &dir);
  g_autoptr(GPtrArray) themes = sp_project_list_themes (project, NULL);
  SpThemeInfo *theme = theme_with_shortcut (themes, "2");
  SpWindow *window;
  SpSidebar *sidebar;
  SpAnnotationsPanel *panel;
  GtkListBoxRow *row;
  SpSegmentInfo *turn;
  StakeholderText st;
  gboolean visible;

  g_assert_nonnull (theme);
  window = present_window (project, 1200);
  sidebar = sp_window_get_sidebar (window);
  panel = sp_window_get_annotations_panel (window);
  show_document (window, "Edited transcript");
  g_object_set (window, "annotations-visible", FALSE, NULL);

  /* One row per theme, in tree order, each with its count */
  g_assert_cmpuint (sp_sidebar_get_n_themes (sidebar), ==, themes->len);
  g_assert_cmpuint (count_rows (sp_sidebar_get_theme_list (sidebar)), ==, themes->len);
  row = gtk_list_box_get_row_at_index (sp_sidebar_get_theme_list (sidebar), 0);
  g_assert_cmpint (sp_sidebar_row_get_id (row), ==, ((SpThemeInfo *) g_ptr_array_index (themes, 0))->id);
  row = sp_sidebar_find_row (sp_sidebar_get_theme_list (sidebar), theme->id);
  g_assert_nonnull (row);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (row), theme->name));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (row), "2"));  /* its key */
  assert_theme_count (sidebar, theme->id, 0);

  /* Tagging counts it, undo uncounts it */
  tag_thomas (window, theme->id);
  assert_theme_count (sidebar, theme->id, 1);
  turn = sp_document_view_get_turn_at (sp_window_get_document_view (window),
                                       find_text (sp_document_view_get_buffer (sp_window_get_document_view (window)),
                                                  THOMAS_SENTENCE, 0));
  st = (StakeholderText) { sidebar, turn->stakeholder_id, "1 annotation" };
  g_assert_true (wait_for (stakeholder_row_shows, &st));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (sp_sidebar_find_row (sp_sidebar_get_stakeholder_list (sidebar),
                                                                            turn->stakeholder_id)),
                                           "turns · 1 annotation"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_theme_count (sidebar, theme->id, 0);
  st.needle = "0 annotations";
  g_assert_true (wait_for (stakeholder_row_shows, &st));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  assert_theme_count (sidebar, theme->id, 1);

  /* Clicking the theme opens the pane, filtered by it */
  row = sp_sidebar_find_row (sp_sidebar_get_theme_list (sidebar), theme->id);
  g_signal_emit_by_name (sp_sidebar_get_theme_list (sidebar), "row-activated", row);
  g_object_get (window, "annotations-visible", &visible, NULL);
  g_assert_true (visible);
  g_assert_cmpuint (sp_annotations_panel_get_n_visible (panel), ==, 1);

  /* Another theme: nothing tagged with it shows */
  row = sp_sidebar_find_row (sp_sidebar_get_theme_list (sidebar),
                             theme_with_shortcut (themes, "5")->id);
  g_signal_emit_by_name (sp_sidebar_get_theme_list (sidebar), "row-activated", row);
  g_assert_cmpuint (sp_annotations_panel_get_n_visible (panel), ==, 0);

  /* Clicking the stakeholder filters by them */
  row = sp_sidebar_find_row (sp_sidebar_get_stakeholder_list (sidebar), turn->stakeholder_id);
  g_signal_emit_by_name (sp_sidebar_get_stakeholder_list (sidebar), "row-activated", row);
  g_assert_cmpuint (sp_annotations_panel_get_n_visible (panel), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  sp_project_close (project);
  remove_dir (dir);
}

static gint64
choice_position (SpCodebookEditor *editor,
                 gint64            id)
{
  GListModel *model = gtk_drop_down_get_model (sp_codebook_editor_get_dialog_choice (editor));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (sp_codebook_editor_dialog_choice_id (editor, i) == id)
      return i;

  return -1;
}

/* Codebook editor: add, rename, a taken key refused, move under a parent,
 * delete a theme in use after asking, undo in the main window */
static void
test_codebook_editor (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpProject) project = open_sample_project ("standpoint-library-XXXXXX", "Library.standpoint", &dir);
  g_autoptr(GPtrArray) themes = sp_project_list_themes (project, NULL);
  g_autoptr(SpThemeInfo) added = NULL;
  g_autoptr(SpThemeInfo) found = NULL;
  g_autoptr(GError) error = NULL;
  SpThemeInfo *used = theme_with_shortcut (themes, "2");
  SpThemeInfo *parent = theme_with_shortcut (themes, "5");
  g_autofree char *used_name = g_strdup (used->name);
  gint64 used_id = used->id;
  SpCodebookEditor *editor;
  AdwMessageDialog *dialog;
  SpWindow *window;
  gint64 new_id, annotation_id;
  gint64 position;
  guint n_themes = themes->len;

  window = present_window (project, 1200);
  show_document (window, "Edited transcript");
  annotation_id = tag_thomas (window, used_id);

  /* Ctrl+Shift+K's action opens it, on the first theme */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.codebook", NULL));
  editor = sp_window_show_codebook (window);
  g_assert_nonnull (editor);
  g_assert_true (wait_for (is_mapped, editor));
  g_assert_cmpuint (count_rows (sp_codebook_editor_get_theme_list (editor)), ==, n_themes);
  g_assert_cmpint (sp_codebook_editor_get_selected_theme (editor), ==,
                   ((SpThemeInfo *) g_ptr_array_index (themes, 0))->id);

  /* Add a theme: it is selected, named for now "New theme" */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "codebook.add-theme", NULL));
  new_id = sp_codebook_editor_get_selected_theme (editor);
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->name, ==, "New theme");
  g_assert_cmpuint (count_rows (sp_codebook_editor_get_theme_list (editor)), ==, n_themes + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sp_codebook_editor_get_name_row (editor))), ==, "New theme");
  g_clear_pointer (&added, sp_theme_info_free);

  /* Rename it */
  apply_entry (sp_codebook_editor_get_name_row (editor), "Trust in standards bodies");
  g_assert_null (sp_codebook_editor_get_error (editor));
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_cmpstr (added->name, ==, "Trust in standards bodies");
  g_clear_pointer (&added, sp_theme_info_free);

  /* A name taken by another theme is refused, and shown */
  apply_entry (sp_codebook_editor_get_name_row (editor), used_name);
  g_assert_nonnull (sp_codebook_editor_get_error (editor));
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_cmpstr (added->name, ==, "Trust in standards bodies");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sp_codebook_editor_get_name_row (editor))), ==,
                   "Trust in standards bodies");
  g_clear_pointer (&added, sp_theme_info_free);

  /* A key of its own works; a taken one is refused with the core's message */
  apply_entry (sp_codebook_editor_get_shortcut_row (editor), "q");
  g_assert_null (sp_codebook_editor_get_error (editor));
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_cmpstr (added->shortcut, ==, "q");
  g_clear_pointer (&added, sp_theme_info_free);

  {
    g_autoptr(GError) core_error = NULL;

    /* What the core says about the same change */
    g_assert_false (sp_project_set_theme_shortcut (project, new_id, "2", &core_error));
    g_assert_nonnull (core_error);

    apply_entry (sp_codebook_editor_get_shortcut_row (editor), "2");
    g_assert_cmpstr (sp_codebook_editor_get_error (editor), ==, core_error->message);
  }
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_cmpstr (added->shortcut, ==, "q");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sp_codebook_editor_get_shortcut_row (editor))), ==, "q");
  g_clear_pointer (&added, sp_theme_info_free);

  /* Description and statement */
  apply_entry (sp_codebook_editor_get_description_row (editor), "Whether SDOs are seen as neutral");
  apply_entry (sp_codebook_editor_get_statement_row (editor), "Standards bodies are trustworthy");
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_cmpstr (added->description, ==, "Whether SDOs are seen as neutral");
  g_assert_cmpstr (added->statement, ==, "Standards bodies are trustworthy");
  g_assert_null (sp_codebook_editor_get_error (editor));
  g_clear_pointer (&added, sp_theme_info_free);

  /* Move it under a parent with "Move to…" */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "codebook.move-to", NULL));
  dialog = sp_codebook_editor_get_dialog (editor);
  g_assert_nonnull (dialog);
  g_assert_nonnull (sp_codebook_editor_get_dialog_choice (editor));
  g_assert_cmpint (choice_position (editor, new_id), ==, -1);  /* not into itself */
  position = choice_position (editor, parent->id);
  g_assert_cmpint (position, >=, 0);
  gtk_drop_down_set_selected (sp_codebook_editor_get_dialog_choice (editor), position);
  adw_message_dialog_response (dialog, "move");
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_cmpint (added->parent_id, ==, parent->id);
  g_assert_cmpuint (added->depth, ==, parent->depth + 1);
  g_clear_pointer (&added, sp_theme_info_free);
  g_assert_cmpint (sp_codebook_editor_get_selected_theme (editor), ==, new_id);

  /* Outdent brings it back to its parent's level */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "codebook.outdent", NULL));
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_cmpint (added->parent_id, ==, parent->parent_id);
  g_clear_pointer (&added, sp_theme_info_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  added = sp_project_get_theme (project, new_id, &error);
  g_assert_cmpint (added->parent_id, ==, parent->id);
  g_clear_pointer (&added, sp_theme_info_free);

  /* Deleting a theme in use asks first, saying how many annotations use it */
  g_assert_true (sp_codebook_editor_select_theme (editor, used_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "codebook.delete", NULL));
  dialog = sp_codebook_editor_get_dialog (editor);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is used by 1 annotation"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), used_name));
  g_assert_true (annotation_has_theme (project, annotation_id, used_id));

  /* Cancel changes nothing */
  adw_message_dialog_response (dialog, "cancel");
  found = sp_project_get_theme (project, used_id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, sp_theme_info_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "codebook.delete", NULL));
  dialog = sp_codebook_editor_get_dialog (editor);
  adw_message_dialog_response (dialog, "delete");
  found = sp_project_get_theme (project, used_id, &error);
  g_assert_null (found);
  g_clear_error (&error);
  g_assert_false (annotation_has_theme (project, annotation_id, used_id));
  g_assert_cmpuint (count_rows (sp_codebook_editor_get_theme_list (editor)), ==, n_themes);

  /* Ctrl+Z in the main window brings it back, on the annotation too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  found = sp_project_get_theme (project, used_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, used_name);
  g_assert_true (annotation_has_theme (project, annotation_id, used_id));
  g_assert_cmpuint (count_rows (sp_codebook_editor_get_theme_list (editor)), ==, n_themes + 1);

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  sp_project_close (project);
  remove_dir (dir);
}

static gboolean
has_alias (SpStakeholderInfo *info,
           const char        *alias)
{
  return info->aliases != NULL && g_strv_contains ((const char * const *) info->aliases, alias);
}

/* Stakeholder editor: alias, sector, refused delete, merge */
static void
test_stakeholder_editor (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpProject) project = open_sample_project ("standpoint-library-XXXXXX", "Library.standpoint", &dir);
  g_autoptr(GPtrArray) themes = sp_project_list_themes (project, NULL);
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(SpStakeholderInfo) thomas = NULL;
  g_autoptr(SpStakeholderInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *sectors = sp_stakeholder_sectors ();
  SpStakeholderInfo *from = NULL;
  SpStakeholderEditor *editor;
  AdwMessageDialog *dialog;
  SpWindow *window;
  SpSidebar *sidebar;
  StakeholderText st;
  g_autofree char *expected_turns = NULL;
  guint industry = G_MAXUINT;
  guint n_stakeholders;
  guint total_turns;
  gint64 position = -1;

  window = present_window (project, 1200);
  sidebar = sp_window_get_sidebar (window);
  show_document (window, "Edited transcript");
  tag_thomas (window, theme_with_shortcut (themes, "2")->id);

  thomas = sp_project_find_stakeholder (project, "Thomas Li", &error);
  g_assert_no_error (error);

  /* Enter or double-click on the row ask for the editor */
  g_signal_emit_by_name (sidebar, "stakeholder-edit", thomas->id);
  editor = sp_window_edit_stakeholder (window, thomas->id);
  g_assert_nonnull (editor);
  g_assert_true (wait_for (is_mapped, editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sp_stakeholder_editor_get_entry (editor, "name"))), ==,
                   "Thomas Li");

  /* An alias */
  apply_entry (sp_stakeholder_editor_get_entry (editor, "alias"), "Li, T.");
  g_assert_null (sp_stakeholder_editor_get_error (editor));
  info = sp_project_get_stakeholder (project, thomas->id, &error);
  g_assert_true (has_alias (info, "Li, T."));
  g_clear_pointer (&info, sp_stakeholder_info_free);
  g_assert_nonnull (sp_stakeholder_editor_get_alias_remove_button (editor, "Li, T."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sp_stakeholder_editor_get_entry (editor, "alias"))), ==, "");

  /* The sector */
  for (guint i = 0; sectors[i] != NULL; i++)
    if (g_str_equal (sectors[i], "industry"))
      industry = i;
  g_assert_cmpuint (industry, !=, G_MAXUINT);
  adw_combo_row_set_selected (sp_stakeholder_editor_get_sector_row (editor), industry);
  info = sp_project_get_stakeholder (project, thomas->id, &error);
  g_assert_cmpstr (info->sector, ==, "industry");
  g_clear_pointer (&info, sp_stakeholder_info_free);

  /* Organisation and undo from the main window */
  apply_entry (sp_stakeholder_editor_get_entry (editor, "organisation"), "Huawei");
  info = sp_project_get_stakeholder (project, thomas->id, &error);
  g_assert_cmpstr (info->organisation, ==, "Huawei");
  g_clear_pointer (&info, sp_stakeholder_info_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  info = sp_project_get_stakeholder (project, thomas->id, &error);
  g_assert_cmpstr (info->organisation, !=, "Huawei");
  g_assert_cmpstr (info->sector, ==, "industry");
  g_clear_pointer (&info, sp_stakeholder_info_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sp_stakeholder_editor_get_entry (editor, "organisation"))),
                   !=, "Huawei");

  /* Removing the alias */
  g_signal_emit_by_name (sp_stakeholder_editor_get_alias_remove_button (editor, "Li, T."), "clicked");
  info = sp_project_get_stakeholder (project, thomas->id, &error);
  g_assert_false (has_alias (info, "Li, T."));
  g_clear_pointer (&info, sp_stakeholder_info_free);

  /* Deleting an annotated stakeholder is refused with the core's message */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "stakeholder.delete", NULL));
  g_assert_nonnull (sp_stakeholder_editor_get_error (editor));
  g_assert_cmpstr (sp_stakeholder_editor_get_error (editor), !=, "");
  info = sp_project_get_stakeholder (project, thomas->id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&info, sp_stakeholder_info_free);

  /* Merge another speaker into Thomas: their turns move */
  stakeholders = sp_project_list_stakeholders (project, &error);
  n_stakeholders = stakeholders->len;
  g_assert_cmpuint (sp_sidebar_get_n_stakeholders (sidebar), ==, n_stakeholders);
  for (guint i = 0; i < stakeholders->len; i++)
    {
      SpStakeholderInfo *other = g_ptr_array_index (stakeholders, i);

      if (other->id != thomas->id && other->n_turns > 0)
        {
          from = other;
          break;
        }
    }
  g_assert_nonnull (from);
  total_turns = from->n_turns + thomas->n_turns;

  editor = sp_window_edit_stakeholder (window, from->id);
  g_assert_cmpint (sp_stakeholder_editor_get_stakeholder (editor), ==, from->id);
  for (guint i = 0; i < n_stakeholders - 1; i++)
    if (sp_stakeholder_editor_merge_choice_id (editor, i) == thomas->id)
      position = i;
  g_assert_cmpint (position, >=, 0);
  adw_combo_row_set_selected (sp_stakeholder_editor_get_merge_row (editor), position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "stakeholder.merge", NULL));
  dialog = sp_stakeholder_editor_get_dialog (editor);
  g_assert_nonnull (dialog);
  {
    g_autofree char *turns = g_strdup_printf ("%u turn", from->n_turns);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), turns));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "0 annotations"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Thomas Li"));
  }
  adw_message_dialog_response (dialog, "merge");

  info = sp_project_get_stakeholder (project, thomas->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->n_turns, ==, total_turns);
  g_assert_true (has_alias (info, from->name));
  g_clear_pointer (&info, sp_stakeholder_info_free);
  /* The editor follows to Thomas */
  g_assert_cmpint (sp_stakeholder_editor_get_stakeholder (editor), ==, thomas->id);

  /* The sidebar counts it */
  expected_turns = g_strdup_printf ("%u turns", total_turns);
  st = (StakeholderText) { sidebar, thomas->id, expected_turns };
  g_assert_true (wait_for (stakeholder_row_shows, &st));
  g_assert_true (wait_for (n_stakeholders_is, &(NStakeholders) { sidebar, n_stakeholders - 1 }));

  /* And undo splits them again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  info = sp_project_get_stakeholder (project, thomas->id, &error);
  g_assert_cmpuint (info->n_turns, ==, thomas->n_turns);
  g_clear_pointer (&info, sp_stakeholder_info_free);
  g_assert_true (wait_for (n_stakeholders_is, &(NStakeholders) { sidebar, n_stakeholders }));

  gtk_window_destroy (GTK_WINDOW (window));
  sp_project_close (project);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/Standpoint/ui/library/sidebar-themes-counts", test_sidebar);
  g_test_add_func ("/Standpoint/ui/library/codebook-editor", test_codebook_editor);
  g_test_add_func ("/Standpoint/ui/library/stakeholder-editor", test_stakeholder_editor);

  return g_test_run ();
}
