/* sp-cli-stakeholders.c: stakeholders, mentions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-cli.h"
#include "sp-mentions.h"

static void
add_stakeholder_json (JsonBuilder             *builder,
                      const SpStakeholderInfo *info)
{
  json_builder_begin_object (builder);
  sp_cli_json_add_int (builder, "id", info->id);
  sp_cli_json_add_string (builder, "name", info->name);
  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_array (builder);
  for (guint i = 0; info->aliases[i] != NULL; i++)
    json_builder_add_string_value (builder, info->aliases[i]);
  json_builder_end_array (builder);
  sp_cli_json_add_string (builder, "organisation", info->organisation);
  sp_cli_json_add_string (builder, "role", info->role);
  sp_cli_json_add_string (builder, "sector", info->sector);
  sp_cli_json_add_string (builder, "region", info->region);
  sp_cli_json_add_int (builder, "turns", info->n_turns);
  sp_cli_json_add_int (builder, "documents", info->n_documents);
  json_builder_end_object (builder);
}

int
sp_cli_stakeholders (int    argc,
                     char **argv)
{
  static gboolean json_output;
  static const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("stakeholders"), entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((stakeholders = sp_project_list_stakeholders (project, &error)) == NULL)
    return sp_cli_fail (error);

  if (!json_output)
    {
      for (guint i = 0; i < stakeholders->len; i++)
        {
          SpStakeholderInfo *info = g_ptr_array_index (stakeholders, i);

          g_print ("%" G_GINT64_FORMAT "\t%s\t%u\t%u\n",
                   info->id, info->name, info->n_turns, info->n_documents);
        }
      return SP_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < stakeholders->len; i++)
    add_stakeholder_json (builder, g_ptr_array_index (stakeholders, i));
  json_builder_end_array (builder);
  sp_cli_print_json (builder);

  return SP_CLI_EXIT_OK;
}

int
sp_cli_mentions (int    argc,
                 char **argv)
{
  static gboolean json_output;
  static const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocumentInfo) document = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("mentions"), entries, &argc, &argv, 2, 2))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((document = sp_project_find_document (project, argv[2], &error)) == NULL ||
      (mentions = sp_project_find_mentions (project, document->id, &error)) == NULL)
    return sp_cli_fail (error);

  if (!json_output)
    {
      /* start, end, who, and what the text calls them. */
      for (guint i = 0; i < mentions->len; i++)
        {
          SpMention *mention = g_ptr_array_index (mentions, i);

          g_print ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
                   mention->start, mention->end, mention->name, mention->alias);
        }
      return SP_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      SpMention *mention = g_ptr_array_index (mentions, i);

      json_builder_begin_object (builder);
      sp_cli_json_add_int (builder, "start", mention->start);
      sp_cli_json_add_int (builder, "end", mention->end);
      sp_cli_json_add_int (builder, "stakeholder_id", mention->stakeholder_id);
      sp_cli_json_add_string (builder, "stakeholder", mention->name);
      sp_cli_json_add_string (builder, "alias", mention->alias);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sp_cli_print_json (builder);

  return SP_CLI_EXIT_OK;
}
