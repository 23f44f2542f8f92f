/* sp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-preferences-window.h"
#include "sp-recent-projects.h"
#include "sp-sample.h"
#include "sp-window.h"

struct _SpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        open_sample;
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

/* Windows */

static SpWindow *
find_window_for_path (SpApplication *self,
                      const char    *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      const char *window_path;
      g_autofree char *other = NULL;

      if (!SP_IS_WINDOW (l->data))
        continue;

      window_path = sp_window_get_project_path (l->data);
      if (window_path == NULL)
        continue;

      other = g_canonicalize_filename (window_path, NULL);
      if (g_strcmp0 (other, canonical) == 0)
        return l->data;
    }

  return NULL;
}

/* The active window, or a new one if there is none. */
static SpWindow *
get_window (SpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SP_IS_WINDOW (window))
    return SP_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SP_IS_WINDOW (l->data))
      return l->data;

  return sp_window_new (GTK_APPLICATION (self));
}

/* A window without a project, or a new one. */
static SpWindow *
get_empty_window (SpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SP_IS_WINDOW (l->data) && sp_window_get_project (l->data) == NULL)
      return l->data;

  return sp_window_new (GTK_APPLICATION (self));
}

static void
open_sample (SpApplication *self)
{
  g_autofree char *path = sp_sample_project_default_path ();
  SpWindow *window = find_window_for_path (self, path);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* Shown first, so that an error appears over it */
  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));
  sp_window_open_sample (window);
}

/* Actions */

static void
new_project_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  SpWindow *window = get_window (SP_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  sp_window_choose_new_project (window);
}

static void
open_project_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  SpWindow *window = get_window (SP_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  sp_window_choose_project (window);
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  open_sample (SP_APPLICATION (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closed one by one, so each saves its state */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (app));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = {
    "The Standpoint developers",
    NULL
  };
  static const char *corpus[] = {
    /* AdwAboutWindow shows a trailing URL as a link */
    "Claire Milne and Jufang Wang, “The Geopolitics of Global Technology Standards: Key Issues and Solutions”, Oxford Global Society, 2022 https://oxgs.org/",
    "Oxford Global Society, edited transcript of the webinar “The Geopolitics of Global High-tech Standards”, 12 September 2022 https://oxgs.org/wp-content/uploads/2022/11/GMT20220912-edited-transcript.pdf",
    NULL
  };
  GtkWidget *about;

  about = adw_about_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Standpoint"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Standpoint developers"));
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Read policy reports and panel transcripts, and record who says what "
                                   "about which issue, and whether they are for or against it."));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  /* Translators: Replace "translator-credits" with your name(s) */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© 2025 The Standpoint developers"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Sample Corpus"), corpus);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Sample Corpus"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The sample report and webinar transcript are the work of their "
                                        "authors and of the Oxford Global Society (OXGS). They are included "
                                        "unchanged as sample material, so that a new user sees real content "
                                        "at once."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  GtkWidget *preferences;

  /* One at a time: the open one comes forward */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (SP_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  if (SP_IS_PREFERENCES_WINDOW (parent))
    parent = NULL;

  preferences = sp_preferences_window_new (parent);
  gtk_window_set_application (GTK_WINDOW (preferences), app);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* "color-scheme" -> AdwStyleManager:color-scheme */
static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static const GActionEntry app_entries[] = {
  { "new-project", new_project_action },
  { "open-project", open_project_action },
  { "open-sample", open_sample_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.new-project", { "<Control>n", NULL } },
  { "app.open-project", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.import", { "<Control>i", NULL } },
  { "win.close-project", { "<Control>w", NULL } },
  { "win.toggle-sidebar", { "F9", NULL } },
  { "win.go-back", { "<Alt>Left", NULL } },
  { "win.codebook", { "<Control><Shift>k", NULL } },
  { "win.side-by-side", { "<Control>backslash", NULL } },
  { "win.link-passages", { "<Control>l", NULL } },
  { "win.follow-link", { "<Alt>l", NULL } },
  { "win.show-view::read", { "<Alt>1", NULL } },
  { "win.show-view::compare", { "<Alt>2", NULL } },
  { "win.show-view::attributions", { "<Alt>3", NULL } },
  { "win.brief", { "<Control><Shift>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
};

/* GApplication */

static void
sp_application_startup (GApplication *application)
{
  SpApplication *self = SP_APPLICATION (application);

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action, app_accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);
}

static void
sp_application_activate (GApplication *application)
{
  SpApplication *self = SP_APPLICATION (application);
  gboolean had_window = gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL;
  SpWindow *window;

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      open_sample (self);
      return;
    }

  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));

  /* First launch: nothing to come back to, so show real content at once */
  if (!had_window && sp_window_get_project (window) == NULL)
    {
      g_auto(GStrv) recent = sp_recent_projects_dup (self->settings);

      if (recent[0] == NULL)
        sp_window_open_sample (window);
    }
}

static void
sp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SpApplication *self = SP_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      SpWindow *window = path != NULL ? find_window_for_path (self, path) : NULL;

      /* Errors are shown over the (welcome) window */
      if (window == NULL)
        {
          window = get_empty_window (self);
          gtk_window_present (GTK_WINDOW (window));
          sp_window_open_project (window, files[i], SP_PROJECT_OPEN_DEFAULT);
        }
      else
        gtk_window_present (GTK_WINDOW (window));
    }
}

static int
sp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SpApplication *self = SP_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "standpoint", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "sample"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* Another instance is running: it opens the sample */
      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), "open-sample", NULL);
          return 0;
        }

      self->open_sample = TRUE;
    }

  return -1;
}

static void
sp_application_dispose (GObject *object)
{
  SpApplication *self = SP_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_application_parent_class)->dispose (object);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sp_application_dispose;

  app_class->startup = sp_application_startup;
  app_class->activate = sp_application_activate;
  app_class->open = sp_application_open;
  app_class->handle_local_options = sp_application_handle_local_options;
}

static void
sp_application_init (SpApplication *self)
{
  static const GOptionEntry options[] = {
    { "sample", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Open the sample project (a policy report and the webinar transcript it draws on)"), NULL },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PROJECT…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read policy reports and transcripts and record who says what."));
}

SpApplication *
sp_application_new (void)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
