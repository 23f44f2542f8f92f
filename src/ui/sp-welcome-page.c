/* sp-welcome-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sp-project.h"
#include "sp-recent-projects.h"
#include "sp-welcome-page.h"

#define ROW_PATH_KEY "sp-project-path"

struct _SpWelcomePage
{
  GtkWidget   parent_instance;

  GtkWidget  *status_page;
  GtkWidget  *recent_box;
  GtkListBox *recent_list;

  GSettings  *settings;
};

enum {
  OPEN_RECENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpWelcomePage, sp_welcome_page, GTK_TYPE_WIDGET)

/* "~/Documents/Policy" rather than "/home/robin/Documents/Policy" */
static char *
display_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (dir);
  const char *home = g_get_home_dir ();

  if (home != NULL && g_str_has_prefix (dir, home))
    {
      const char *rest = dir + strlen (home);

      if (*rest == '\0')
        return g_strdup ("~");
      if (*rest == G_DIR_SEPARATOR)
        {
          g_autofree char *rest_display = g_filename_display_name (rest);

          return g_strconcat ("~", rest_display, NULL);
        }
    }

  return g_steal_pointer (&display);
}

static char *
display_project_name (const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (g_str_has_suffix (name, SP_PROJECT_FILE_EXTENSION) &&
      strlen (name) > strlen (SP_PROJECT_FILE_EXTENSION))
    name[strlen (name) - strlen (SP_PROJECT_FILE_EXTENSION)] = '\0';

  return g_steal_pointer (&name);
}

static void
remove_clicked_cb (GtkButton     *button,
                   SpWelcomePage *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), ROW_PATH_KEY);

  g_assert (SP_IS_WELCOME_PAGE (self));

  /* The list is rebuilt from the settings' change notification */
  sp_recent_projects_remove (self->settings, path);
}

static GtkWidget *
make_recent_row (SpWelcomePage *self,
                 const char    *path)
{
  g_autofree char *name = display_project_name (path);
  g_autofree char *folder = display_folder (path);
  g_autofree char *remove_label = NULL;
  gboolean exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove_button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  g_object_set_data_full (G_OBJECT (row), ROW_PATH_KEY, g_strdup (path), g_free);

  if (exists)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, path);
    }
  else
    {
      g_autofree char *missing = g_strdup_printf (_("Not found in %s"), folder);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), missing);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "sp-missing-project");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("The project file was moved or deleted"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                  -1);

  remove_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_add_css_class (remove_button, "circular");
  gtk_widget_set_tooltip_text (remove_button, _("Remove From List"));
  /* Translators: the accessible name of the button that takes a project off
   * the recent projects list (the file stays where it is) */
  remove_label = g_strdup_printf (_("Remove “%s” from the list"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (remove_button), ROW_PATH_KEY, g_strdup (path), g_free);
  g_signal_connect (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);

  return row;
}

void
sp_welcome_page_reload (SpWelcomePage *self)
{
  g_auto(GStrv) recent = NULL;
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (SP_IS_WELCOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  recent = sp_recent_projects_dup (self->settings);
  for (guint i = 0; recent[i] != NULL; i++, n++)
    gtk_list_box_append (self->recent_list, make_recent_row (self, recent[i]));

  gtk_widget_set_visible (self->recent_box, n > 0);
}

static void
recent_row_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         SpWelcomePage *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), ROW_PATH_KEY);

  g_assert (SP_IS_WELCOME_PAGE (self));

  if (path != NULL)
    g_signal_emit (self, signals[OPEN_RECENT], 0, path);
}

static void
sp_welcome_page_map (GtkWidget *widget)
{
  /* Files may have come or gone since the list was built */
  sp_welcome_page_reload (SP_WELCOME_PAGE (widget));

  GTK_WIDGET_CLASS (sp_welcome_page_parent_class)->map (widget);
}

GtkListBox *
sp_welcome_page_get_recent_list (SpWelcomePage *self)
{
  g_return_val_if_fail (SP_IS_WELCOME_PAGE (self), NULL);

  return self->recent_list;
}

GtkWidget *
sp_welcome_page_new (void)
{
  return g_object_new (SP_TYPE_WELCOME_PAGE, NULL);
}

static void
sp_welcome_page_dispose (GObject *object)
{
  SpWelcomePage *self = SP_WELCOME_PAGE (object);

  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (sp_welcome_page_parent_class)->dispose (object);
}

static void
sp_welcome_page_class_init (SpWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_welcome_page_dispose;
  widget_class->map = sp_welcome_page_map;

  /**
   * SpWelcomePage::open-recent:
   * @path: the project file to open
   */
  signals[OPEN_RECENT] =
    g_signal_new ("open-recent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, SpWelcomePage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, SpWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "welcomepage");
}

static void
sp_welcome_page_init (SpWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::" SP_RECENT_PROJECTS_KEY,
                           G_CALLBACK (sp_welcome_page_reload), self, G_CONNECT_SWAPPED);
  sp_welcome_page_reload (self);
}
