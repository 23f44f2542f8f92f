/* sp-cli-stakeholders.c: stakeholders, mentions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-cli.h"
#include "sp-mentions.h"

static void
print_stakeholder_line (const SpStakeholderInfo *info)
{
  g_print ("%" G_GINT64_FORMAT "\t%s\t%u\t%u\n",
           info->id, info->name, info->n_turns, info->n_documents);
}

static void
add_stakeholder_members (JsonBuilder             *builder,
                         const SpStakeholderInfo *info,
                         gpointer                 user_data)
{
  sp_cli_json_add_int (builder, "id", info->id);
  sp_cli_json_add_string (builder, "name", info->name);
  sp_cli_json_add_strv (builder, "aliases", (const char * const *) info->aliases, FALSE);
  sp_cli_json_add_string (builder, "organisation", info->organisation);
  sp_cli_json_add_string (builder, "role", info->role);
  sp_cli_json_add_string (builder, "sector", info->sector);
  sp_cli_json_add_string (builder, "region", info->region);
  sp_cli_json_add_int (builder, "turns", info->n_turns);
  sp_cli_json_add_int (builder, "documents", info->n_documents);
}

int
sp_cli_stakeholders (int    argc,
                     char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("stakeholders"), sp_cli_json_entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((stakeholders = sp_project_list_stakeholders (project, &error)) == NULL)
    return sp_cli_fail (error);

  return sp_cli_print_items (stakeholders, sp_cli_json_output,
                             (SpCliLineFunc) print_stakeholder_line,
                             (SpCliMembersFunc) add_stakeholder_members, NULL);
}

/* start, end, who, and what the text calls them. */
static void
print_mention_line (const SpMention *mention)
{
  g_print ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
           mention->start, mention->end, mention->name, mention->alias);
}

static void
add_mention_members (JsonBuilder     *builder,
                     const SpMention *mention,
                     gpointer         user_data)
{
  sp_cli_json_add_int (builder, "start", mention->start);
  sp_cli_json_add_int (builder, "end", mention->end);
  sp_cli_json_add_int (builder, "stakeholder_id", mention->stakeholder_id);
  sp_cli_json_add_string (builder, "stakeholder", mention->name);
  sp_cli_json_add_string (builder, "alias", mention->alias);
}

int
sp_cli_mentions (int    argc,
                 char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocumentInfo) document = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("mentions"), sp_cli_json_entries, &argc, &argv, 2, 2))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((document = sp_project_find_document (project, argv[2], &error)) == NULL ||
      (mentions = sp_project_find_mentions (project, document->id, &error)) == NULL)
    return sp_cli_fail (error);

  return sp_cli_print_items (mentions, sp_cli_json_output,
                             (SpCliLineFunc) print_mention_line,
                             (SpCliMembersFunc) add_mention_members, NULL);
}
