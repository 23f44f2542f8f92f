/* sp-recent-projects.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-recent-projects.h"

static char *
canonical_path (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

void
sp_recent_projects_add (GSettings  *settings,
                        const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) list = NULL;
  g_autofree char *canonical = NULL;
  guint n = 1;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  canonical = canonical_path (path);
  old = g_settings_get_strv (settings, SP_RECENT_PROJECTS_KEY);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, canonical);

  for (guint i = 0; old[i] != NULL && n < SP_RECENT_PROJECTS_MAX; i++)
    {
      g_autofree char *other = canonical_path (old[i]);

      if (g_strcmp0 (other, canonical) == 0)
        continue;
      g_strv_builder_add (builder, other);
      n++;
    }

  list = g_strv_builder_end (builder);
  g_settings_set_strv (settings, SP_RECENT_PROJECTS_KEY, (const char * const *) list);
}

void
sp_recent_projects_remove (GSettings  *settings,
                           const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) list = NULL;
  g_autofree char *canonical = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  canonical = canonical_path (path);
  old = g_settings_get_strv (settings, SP_RECENT_PROJECTS_KEY);
  builder = g_strv_builder_new ();

  for (guint i = 0; old[i] != NULL; i++)
    {
      g_autofree char *other = canonical_path (old[i]);

      if (g_strcmp0 (other, canonical) != 0)
        g_strv_builder_add (builder, old[i]);
    }

  list = g_strv_builder_end (builder);
  g_settings_set_strv (settings, SP_RECENT_PROJECTS_KEY, (const char * const *) list);
}

char **
sp_recent_projects_dup (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_settings_get_strv (settings, SP_RECENT_PROJECTS_KEY);
}
