/* test-preferences.c: the preferences window, opened through app.preferences
 * (Ctrl+comma). Every control is flipped; each time the GSettings key and
 * the live effect on an open window (stance of new tags, highlight style,
 * text size, page numbers, colour scheme) are checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-application.h"
#include "sp-preferences-window.h"
#include "sp-project-themes.h"
#include "sp-sample.h"
#include "sp-window.h"
#include "ui-test-helpers.h"

#define THOMAS_SENTENCE "If I may I'd like to contribute a new word here"

static SpPreferencesWindow *
find_preferences (GtkApplication *app)
{
  SpPreferencesWindow *found = NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (SP_IS_PREFERENCES_WINDOW (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }

  return found;
}

static void
select_choice (SpPreferencesWindow *prefs,
               const char          *key,
               guint                index)
{
  GtkWidget *row = sp_preferences_window_get_control (prefs, key);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index);
}

static GtkSwitch *
get_switch (SpPreferencesWindow *prefs,
            const char          *key)
{
  GtkWidget *widget = sp_preferences_window_get_control (prefs, key);

  g_assert_true (GTK_IS_SWITCH (widget));
  return GTK_SWITCH (widget);
}

/* Activating the switch's row flips it, as a click or Enter on the row does */
static void
activate_row_of (GtkWidget *control)
{
  GtkWidget *row = gtk_widget_get_ancestor (control, ADW_TYPE_ACTION_ROW);

  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

static void
test_preferences (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-preferences-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autoptr(SpApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *color = NULL;
  g_auto(GStrv) accels = NULL;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  SpAnnotationFilter filter = { 0, 0, 0, SP_STANCE_NONE };
  SpPreferencesWindow *prefs;
  SpThemeInfo *theme;
  SpWindow *window;
  SpDocumentView *view;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkWidget *gutter;
  GtkSpinButton *font_size;
  GtkSwitch *toggle;
  SpAnnotationInfo *info;
  gint64 document_id;
  int start, end;
  PangoUnderline underline;
  gboolean background_set;

  g_assert_no_error (error);

  /* The application, registered (not run), gives app.preferences */
  app = sp_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  path = g_build_filename (dir, "Preferences.standpoint", NULL);
  project = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);
  themes = sp_project_list_themes (project, &error);
  g_assert_no_error (error);
  theme = theme_with_shortcut (themes, "2");
  g_assert_nonnull (theme);
  color = g_strdup (theme->color);

  window = sp_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  sp_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_mapped (GTK_WIDGET (window)));
  view = sp_window_get_document_view (window);
  buffer = sp_document_view_get_buffer (view);

  /* Opened from the application's action, over the window; once only */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_preferences (GTK_APPLICATION (app));
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));
  g_assert_true (wait_for_mapped (GTK_WIDGET (prefs)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (find_preferences (GTK_APPLICATION (app)) == prefs);

  /* Default stance: new tags from a theme's key get it */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sp_preferences_window_get_control (prefs, "default-stance"))), ==, 0);
  select_choice (prefs, "default-stance", 2);
  g_assert_cmpstr (g_settings_get_string (settings, "default-stance"), ==, "opposes");

  document_id = show_document (window, "Edited transcript");
  start = find_text (buffer, THOMAS_SENTENCE, 0);
  g_assert_cmpint (start, >, 0);
  end = start + strlen (THOMAS_SENTENCE);
  sp_document_view_select_range (view, start, end);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-theme", "x", theme->id);
  filter.document_id = document_id;
  annotations = sp_project_list_annotations (project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  info = g_ptr_array_index (annotations, 0);
  g_assert_cmpint (info->stance, ==, SP_STANCE_OPPOSES);

  /* ... and the tagging popover starts with it */
  sp_document_view_select_range (view, start, end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", NULL));
  g_assert_cmpint (sp_tag_popover_get_stance (sp_window_get_tag_popover (window)), ==, SP_STANCE_OPPOSES);
  gtk_popover_popdown (GTK_POPOVER (sp_window_get_tag_popover (window)));
  select_choice (prefs, "default-stance", 0);
  g_assert_cmpstr (g_settings_get_string (settings, "default-stance"), ==, "none");

  /* Highlight style: the passage's background tag turns into an underline */
  tag = sp_document_view_get_highlight_tag (view, color, FALSE);
  g_assert_nonnull (tag);
  g_object_get (tag, "background-set", &background_set, "underline", &underline, NULL);
  g_assert_true (background_set);
  g_assert_cmpint (underline, ==, PANGO_UNDERLINE_NONE);

  select_choice (prefs, "highlight-style", 1);
  g_assert_cmpstr (g_settings_get_string (settings, "highlight-style"), ==, "underline");
  g_assert_true (sp_document_view_get_underline_highlights (view));
  g_object_get (tag, "background-set", &background_set, "underline", &underline, NULL);
  g_assert_false (background_set);
  g_assert_cmpint (underline, ==, PANGO_UNDERLINE_SINGLE_LINE);

  select_choice (prefs, "highlight-style", 0);
  g_assert_cmpstr (g_settings_get_string (settings, "highlight-style"), ==, "background");
  g_object_get (tag, "background-set", &background_set, "underline", &underline, NULL);
  g_assert_true (background_set);
  g_assert_cmpint (underline, ==, PANGO_UNDERLINE_NONE);

  /* Text size: percent in the window, the zoom key and the view's zoom */
  font_size = GTK_SPIN_BUTTON (sp_preferences_window_get_control (prefs, "document-zoom"));
  g_assert_true (GTK_IS_SPIN_BUTTON (font_size));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (font_size), 100.0, 0.01);
  gtk_spin_button_set_value (font_size, 150.0);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "document-zoom"), 1.5, 0.001);
  g_assert_cmpfloat_with_epsilon (sp_document_view_get_zoom (view), 1.5, 0.001);
  /* Ctrl+0 in the view shows in the preferences */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "document-zoom"), 1.0, 0.001);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (font_size), 100.0, 0.01);

  /* Page numbers: the report's margin hides and comes back */
  show_document (window, "Report");
  spin (100);
  gutter = sp_document_view_get_page_gutter (view);
  g_assert_true (gtk_widget_get_visible (gutter));
  toggle = get_switch (prefs, "show-page-numbers");
  g_assert_true (gtk_switch_get_active (toggle));
  activate_row_of (GTK_WIDGET (toggle));
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (g_settings_get_boolean (settings, "show-page-numbers"));
  g_assert_false (sp_document_view_get_show_page_numbers (view));
  g_assert_false (gtk_widget_get_visible (gutter));
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "show-page-numbers"));
  g_assert_true (gtk_widget_get_visible (gutter));

  /* Colour scheme, applied through AdwStyleManager */
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  select_choice (prefs, "color-scheme", 2);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  select_choice (prefs, "color-scheme", 1);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));
  select_choice (prefs, "color-scheme", 0);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Briefs: keys only, for the brief export */
  g_assert_cmpstr (g_settings_get_string (settings, "brief-paper-size"), ==, "auto");
  select_choice (prefs, "brief-paper-size", 1);
  g_assert_cmpstr (g_settings_get_string (settings, "brief-paper-size"), ==, "a4");
  select_choice (prefs, "brief-paper-size", 2);
  g_assert_cmpstr (g_settings_get_string (settings, "brief-paper-size"), ==, "letter");
  /* A change elsewhere shows in the window */
  g_settings_set_string (settings, "brief-paper-size", "auto");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sp_preferences_window_get_control (prefs, "brief-paper-size"))), ==, 0);

  toggle = get_switch (prefs, "brief-include-memos");
  g_assert_true (gtk_switch_get_active (toggle));
  activate_row_of (GTK_WIDGET (toggle));
  g_assert_false (g_settings_get_boolean (settings, "brief-include-memos"));

  toggle = get_switch (prefs, "brief-include-codebook");
  g_assert_true (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "brief-include-codebook"));

  g_assert_null (sp_preferences_window_get_control (prefs, "window-width"));

  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_close (GTK_WINDOW (prefs));
  spin (50);
  g_assert_null (prefs);

  gtk_window_destroy (GTK_WINDOW (window));
  sp_project_close (project);
  spin (50);

  command = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (command), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/Standpoint/ui/preferences/controls-and-effects", test_preferences);

  return g_test_run ();
}
