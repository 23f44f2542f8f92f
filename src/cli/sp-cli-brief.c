/* sp-cli-brief.c: brief, an annotated brief as Markdown, HTML or PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-brief-export.h"
#include "sp-cli.h"
#include "sp-project-themes.h"

static gboolean
add_theme_ids (SpProject     *project,
               char         **names,
               GArray        *ids,
               GError       **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gint64 id = sp_project_lookup_theme_id (project, names[i], error);

      if (id == 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static gboolean
add_stakeholder_ids (SpProject  *project,
                     char      **names,
                     GArray     *ids,
                     GError    **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(SpStakeholderInfo) info = sp_project_find_stakeholder (project, names[i], error);

      if (info == NULL)
        return FALSE;
      g_array_append_val (ids, info->id);
    }
  return TRUE;
}

static gboolean
add_document_ids (SpProject  *project,
                  char      **names,
                  GArray     *ids,
                  GError    **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(SpDocumentInfo) info = sp_project_find_document (project, names[i], error);

      if (info == NULL)
        return FALSE;
      g_array_append_val (ids, info->id);
    }
  return TRUE;
}

static gboolean
parse_stances (char  **names,
               guint  *stances)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      SpStance stance;

      if (!sp_stance_from_string (names[i], &stance))
        {
          g_printerr (_("standpoint-cli brief: unknown stance “%s” (supports, opposes, mixed, neutral, unclear, none)\n"),
                      names[i]);
          return FALSE;
        }
      *stances |= 1u << stance;
    }
  return TRUE;
}

int
sp_cli_brief (int    argc,
              char **argv)
{
  static char *format_name;
  static char *output;
  static char *title;
  static char *paper_name;
  static char **themes;
  static char **stakeholders;
  static char **documents;
  static char **stances;
  static gboolean no_memos;
  static gboolean no_codebook;
  static const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("md, html or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "theme", 0, 0, G_OPTION_ARG_STRING_ARRAY, &themes, N_("Only this theme (repeatable)"), N_("NAME") },
    { "stakeholder", 0, 0, G_OPTION_ARG_STRING_ARRAY, &stakeholders,
      N_("Only this stakeholder (repeatable)"), N_("NAME") },
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only this document: id, title or file name (repeatable)"), N_("NAME") },
    { "stance", 0, 0, G_OPTION_ARG_STRING_ARRAY, &stances, N_("Only this stance (repeatable)"), N_("STANCE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The brief's title (default: the project's)"), N_("TEXT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("PDF paper: auto, a4 or letter"), N_("SIZE") },
    { "no-memos", 0, 0, G_OPTION_ARG_NONE, &no_memos, N_("Leave the memos out"), NULL },
    { "no-codebook", 0, 0, G_OPTION_ARG_NONE, &no_codebook, N_("Leave the codebook appendix out"), NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(GError) error = NULL;
  SpBriefFormat format;
  SpBriefPaper paper;

  if (!sp_cli_parse (sp_cli_find_command ("brief"), entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;

  if (format_name == NULL || !sp_brief_format_from_string (format_name, &format))
    {
      g_printerr (_("standpoint-cli brief: --format must be md, html or pdf\n"));
      return SP_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr (_("standpoint-cli brief: say where to write the brief with -o FILE\n"));
      return SP_CLI_EXIT_USAGE;
    }
  if (!sp_brief_paper_from_string (paper_name != NULL ? paper_name : "auto", &paper))
    {
      g_printerr (_("standpoint-cli brief: --paper must be auto, a4 or letter\n"));
      return SP_CLI_EXIT_USAGE;
    }
  if (!parse_stances (stances, &scope->stances))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if (!add_theme_ids (project, themes, scope->theme_ids, &error) ||
      !add_stakeholder_ids (project, stakeholders, scope->stakeholder_ids, &error) ||
      !add_document_ids (project, documents, scope->document_ids, &error))
    return sp_cli_fail (error);

  scope->title = g_strdup (title);
  scope->include_memos = !no_memos;
  scope->include_codebook = !no_codebook;

  if (!sp_brief_export (project, scope, format, paper, output, NULL, &error))
    return sp_cli_fail (error);

  return SP_CLI_EXIT_OK;
}
