/* sp-cli-export.c: export (CSV, Web Annotation JSON, REFI-QDA, GraphML)
 * and import-qdpx.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-cli.h"
#include "sp-export.h"

static char *format_name;
static char *output_path;
static char *network_name;

static const GOptionEntry export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
    N_("csv, json, qdc, qdpx or graphml"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
    N_("The file to write (replaced only once the export is complete)"), N_("FILE") },
  { "network", 0, 0, G_OPTION_ARG_STRING, &network_name,
    N_("For graphml: themes (stakeholder–theme, the default) or agreement"), N_("NETWORK") },
  { NULL }
};

static gboolean
parse_format (SpExportFormat *format)
{
  static const struct { const char *name; SpExportFormat format; } formats[] = {
    { "csv", SP_EXPORT_CSV },
    { "json", SP_EXPORT_WEB_ANNOTATION },
    { "qdc", SP_EXPORT_QDC },
    { "qdpx", SP_EXPORT_QDPX },
    { "graphml", SP_EXPORT_GRAPHML_THEMES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (format_name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        break;
      }
    else if (i + 1 == G_N_ELEMENTS (formats))
      {
        g_printerr (_("standpoint-cli: unknown format “%s” (use csv, json, qdc, qdpx or graphml)\n"), format_name);
        return FALSE;
      }

  if (network_name != NULL && *format != SP_EXPORT_GRAPHML_THEMES)
    {
      g_printerr (_("standpoint-cli: --network only applies to --format graphml\n"));
      return FALSE;
    }
  if (network_name != NULL && g_ascii_strcasecmp (network_name, "agreement") == 0)
    *format = SP_EXPORT_GRAPHML_AGREEMENT;
  else if (network_name != NULL && g_ascii_strcasecmp (network_name, "themes") != 0)
    {
      g_printerr (_("standpoint-cli: unknown network “%s” (use themes or agreement)\n"), network_name);
      return FALSE;
    }
  return TRUE;
}

int
sp_cli_export (int    argc,
               char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpExportFormat format;

  if (!sp_cli_parse (sp_cli_find_command ("export"), export_entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;
  if (format_name == NULL || output_path == NULL)
    {
      g_printerr (_("standpoint-cli: export needs --format and --output\n"));
      return SP_CLI_EXIT_USAGE;
    }
  if (!parse_format (&format))
    return SP_CLI_EXIT_USAGE;

  project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_DEFAULT);
  if (project == NULL)
    return SP_CLI_EXIT_FAILED;

  if (!sp_export_to_path (project, format, output_path, NULL, &error))
    return sp_cli_fail (error);
  return SP_CLI_EXIT_OK;
}

int
sp_cli_import_qdpx (int    argc,
                    char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("import-qdpx"), NULL, &argc, &argv, 2, 2))
    return SP_CLI_EXIT_USAGE;

  project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_DEFAULT);
  if (project == NULL)
    return SP_CLI_EXIT_FAILED;

  file = g_file_new_for_commandline_arg (argv[2]);
  if (!sp_import_refi_qda (project, file, NULL, &error))
    return sp_cli_fail (error);
  return SP_CLI_EXIT_OK;
}
