/* sp-cli-themes.c: themes, theme-add.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-cli.h"
#include "sp-project-themes.h"

static const char *
parent_name (GPtrArray *themes,
             gint64     parent_id)
{
  for (guint i = 0; parent_id != 0 && i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);

      if (theme->id == parent_id)
        return theme->name;
    }
  return NULL;
}

/* id, shortcut, colour, annotations, then the name indented by depth. */
static void
print_theme_line (const SpThemeInfo *theme)
{
  g_autofree char *indent = g_strnfill (theme->depth * 2, ' ');

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%s%s\n",
           theme->id, theme->shortcut != NULL ? theme->shortcut : "-",
           theme->color, theme->n_annotations, indent, theme->name);
}

static void
add_theme_members (JsonBuilder       *builder,
                   const SpThemeInfo *theme,
                   GPtrArray         *themes)
{
  sp_cli_json_add_int (builder, "id", theme->id);
  sp_cli_json_add_string (builder, "name", theme->name);
  sp_cli_json_add_string_or_null (builder, "parent", parent_name (themes, theme->parent_id));
  sp_cli_json_add_string (builder, "description", theme->description);
  sp_cli_json_add_string (builder, "statement", theme->statement);
  sp_cli_json_add_string (builder, "color", theme->color);
  sp_cli_json_add_string_or_null (builder, "shortcut", theme->shortcut);
  sp_cli_json_add_int (builder, "annotations", theme->n_annotations);
  sp_cli_json_add_int (builder, "depth", theme->depth);
}

int
sp_cli_themes (int    argc,
               char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("themes"), sp_cli_json_entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((themes = sp_project_list_themes (project, &error)) == NULL)
    return sp_cli_fail (error);

  return sp_cli_print_items (themes, sp_cli_json_output,
                             (SpCliLineFunc) print_theme_line,
                             (SpCliMembersFunc) add_theme_members, themes);
}

int
sp_cli_theme_add (int    argc,
                  char **argv)
{
  static char *parent;
  static char *color;
  static char *statement;
  static char *description;
  static char *shortcut;
  static const GOptionEntry entries[] = {
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_("Add it under this theme"), N_("NAME") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, N_("Highlight colour"), N_("#RRGGBB") },
    { "statement", 0, 0, G_OPTION_ARG_STRING, &statement,
      N_("The position stances refer to"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What the theme is about"), N_("TEXT") },
    { "shortcut", 0, 0, G_OPTION_ARG_STRING, &shortcut, N_("Key that tags a passage (a digit or letter)"), N_("KEY") },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpThemeInfo) parent_theme = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!sp_cli_parse (sp_cli_find_command ("theme-add"), entries, &argc, &argv, 2, 2))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_DEFAULT)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if (parent != NULL && (parent_theme = sp_project_find_theme (project, parent, &error)) == NULL)
    return sp_cli_fail (error);

  if (!sp_project_add_theme (project, argv[2], parent_theme != NULL ? parent_theme->id : 0,
                             color, description, statement, shortcut, &id, &error))
    return sp_cli_fail (error);

  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    /* Translators: %s is a number */
    g_print (_("Added theme %s\n"), id_text);
  }
  return SP_CLI_EXIT_OK;
}
