/* test-welcome.c: the recent projects list (GSettings) and the welcome
 * page that shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sp-recent-projects.h"
#include "sp-welcome-page.h"

static void
test_recent_projects (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) list = NULL;

  g_settings_reset (settings, SP_RECENT_PROJECTS_KEY);

  /* Most recent first, at most ten */
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *path = g_strdup_printf ("/tmp/standpoint-test/project-%02d.standpoint", i);

      sp_recent_projects_add (settings, path);
    }
  list = sp_recent_projects_dup (settings);
  g_assert_cmpuint (g_strv_length (list), ==, SP_RECENT_PROJECTS_MAX);
  g_assert_cmpstr (list[0], ==, "/tmp/standpoint-test/project-11.standpoint");
  g_assert_cmpstr (list[9], ==, "/tmp/standpoint-test/project-02.standpoint");
  g_clear_pointer (&list, g_strfreev);

  /* Opening one again moves it to the top instead of adding it twice,
   * however its path is written */
  sp_recent_projects_add (settings, "/tmp/standpoint-test/./sub/../project-05.standpoint");
  list = sp_recent_projects_dup (settings);
  g_assert_cmpuint (g_strv_length (list), ==, SP_RECENT_PROJECTS_MAX);
  g_assert_cmpstr (list[0], ==, "/tmp/standpoint-test/project-05.standpoint");
  g_assert_cmpstr (list[1], ==, "/tmp/standpoint-test/project-11.standpoint");
  for (guint i = 1; list[i] != NULL; i++)
    g_assert_cmpstr (list[i], !=, "/tmp/standpoint-test/project-05.standpoint");
  g_clear_pointer (&list, g_strfreev);

  sp_recent_projects_remove (settings, "/tmp/standpoint-test/project-11.standpoint");
  list = sp_recent_projects_dup (settings);
  g_assert_cmpuint (g_strv_length (list), ==, SP_RECENT_PROJECTS_MAX - 1);
  g_assert_false (g_strv_contains ((const char * const *) list, "/tmp/standpoint-test/project-11.standpoint"));

  g_settings_reset (settings, SP_RECENT_PROJECTS_KEY);
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_string_append_printf (out, "%s\n%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
}

static char *
row_text (GtkListBoxRow *row)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (row), out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  char *path;
  guint n_opened;
} OpenData;

static void
open_recent_cb (SpWelcomePage *page,
                const char    *path,
                OpenData      *data)
{
  g_free (data->path);
  data->path = g_strdup (path);
  data->n_opened++;
}

static void
test_welcome_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-ui-XXXXXX", &error);
  g_autofree char *present = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *text0 = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *command = NULL;
  OpenData data = { NULL, 0 };
  SpWelcomePage *page;
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkWidget *remove_button;

  g_assert_no_error (error);
  present = g_build_filename (dir, "Trade hearing.standpoint", NULL);
  missing = g_build_filename (dir, "Moved away.standpoint", NULL);
  g_file_set_contents (present, "", 0, &error);
  g_assert_no_error (error);

  g_settings_reset (settings, SP_RECENT_PROJECTS_KEY);
  sp_recent_projects_add (settings, missing);
  sp_recent_projects_add (settings, present);

  page = g_object_ref_sink (SP_WELCOME_PAGE (sp_welcome_page_new ()));
  g_signal_connect (page, "open-recent", G_CALLBACK (open_recent_cb), &data);
  list = sp_welcome_page_get_recent_list (page);

  /* Named after the file, in its folder; the missing one says so */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  text0 = row_text (row);
  g_assert_true (g_str_has_prefix (text0, "Trade hearing\n"));
  g_assert_null (strstr (text0, "Not found"));
  g_assert_true (gtk_list_box_row_get_activatable (row));

  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_nonnull (row);
  text1 = row_text (row);
  g_assert_true (g_str_has_prefix (text1, "Moved away\n"));
  g_assert_nonnull (strstr (text1, "Not found"));
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));

  /* Activating a row asks for the project to be opened */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpuint (data.n_opened, ==, 1);
  g_assert_cmpstr (data.path, ==, present);

  /* The missing one can be removed from the list */
  remove_button = find_button (GTK_WIDGET (row));
  g_assert_nonnull (remove_button);
  g_signal_emit_by_name (remove_button, "clicked");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  {
    g_auto(GStrv) recent = sp_recent_projects_dup (settings);

    g_assert_cmpuint (g_strv_length (recent), ==, 1);
    g_assert_cmpstr (recent[0], ==, present);
  }

  g_settings_reset (settings, SP_RECENT_PROJECTS_KEY);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  g_assert_finalize_object (page);
  g_free (data.path);
  command = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (command), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Standpoint/ui/recent-projects", test_recent_projects);
  g_test_add_func ("/Standpoint/ui/welcome-page", test_welcome_page);

  return g_test_run ();
}
