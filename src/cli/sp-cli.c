/* sp-cli.c: standpoint-cli, the headless front end: what a script needs to
 * create a project, import files and read it back, as text or JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-cli.h"

static const SpCliCommand commands[] = {
  { "new", N_("PROJECT"), N_("Create an empty project"), sp_cli_new },
  { "import", N_("PROJECT FILE…"), N_("Import documents (format found from the content)"), sp_cli_import },
  { "documents", N_("PROJECT"), N_("List the documents"), sp_cli_documents },
  { "segments", N_("PROJECT DOCUMENT"), N_("List a document's structure (DOCUMENT: id, title or file name)"), sp_cli_segments },
  { "stakeholders", N_("PROJECT"), N_("List the stakeholders"), sp_cli_stakeholders },
  { "annotate", N_("PROJECT DOCUMENT START END"), N_("Tag a passage (START, END: character offsets) with --theme, --stance, --memo"), sp_cli_annotate },
  { "annotations", N_("PROJECT"), N_("List the annotations in reading order"), sp_cli_annotations },
  { "unannotate", N_("PROJECT ID"), N_("Remove an annotation"), sp_cli_unannotate },
  { "search", N_("PROJECT QUERY"), N_("Search document text and annotations"), sp_cli_search },
  { "themes", N_("PROJECT"), N_("List the codebook's themes in tree order"), sp_cli_themes },
  { "theme-add", N_("PROJECT NAME"), N_("Add a theme to the codebook"), sp_cli_theme_add },
  { "mentions", N_("PROJECT DOCUMENT"), N_("List where a document names a stakeholder"), sp_cli_mentions },
  { "links", N_("PROJECT"), N_("List the links between annotations"), sp_cli_links },
  { "link", N_("PROJECT SOURCE-ID TARGET-ID"), N_("Link two annotations (--kind paraphrases|responds-to|contradicts|cites)"), sp_cli_link },
  { "attributions", N_("PROJECT REPORT TRANSCRIPT"), N_("Propose the transcript turns a report's attributed passages draw on"), sp_cli_attributions },
  { "matrix", N_("PROJECT"), N_("Count passages per stakeholder and theme, with their stances"), sp_cli_matrix },
  { "agreement", N_("PROJECT"), N_("List the themes on which pairs of stakeholders agree and conflict"), sp_cli_agreement },
  { "compare", N_("PROJECT THEME"), N_("List each stakeholder's passages on a theme"), sp_cli_compare },
  { "brief", N_("PROJECT"), N_("Write an annotated brief (--format md|html|pdf -o FILE)"), sp_cli_brief },
  { "export", N_("PROJECT"), N_("Export the data (--format csv|json|qdc|qdpx|graphml -o FILE; graphml: --network themes|agreement)"), sp_cli_export },
  { "import-qdpx", N_("PROJECT FILE"), N_("Import a REFI-QDA project (.qdpx) or codebook (.qdc)"), sp_cli_import_qdpx },
};

const SpCliCommand *
sp_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* Where the commands' summaries start in the usage text */
#define USAGE_COLUMN 34

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: standpoint-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].arguments));
      /* Padded by characters, not bytes ("…" is three); a call too long
       * for the column gets a line of its own. */
      glong width = g_utf8_strlen (call, -1);

      if (width > USAGE_COLUMN)
        fprintf (out, "  %s\n  %*s %s\n", call, USAGE_COLUMN, "", _(commands[i].summary));
      else
        fprintf (out, "  %s%*s %s\n", call, (int) (USAGE_COLUMN - width), "", _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Listings take --json to print one JSON array. "
                            "Run “standpoint-cli COMMAND --help” for a command's options."));
}

gboolean
sp_cli_parse (const SpCliCommand  *command,
              const GOptionEntry  *entries,
              int                 *argc,
              char              ***argv,
              int                  min_args,
              int                  max_args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = NULL;
  int n_args;

  /* GOption's usage line starts with the program name: make it
   * "standpoint-cli import [OPTION…] PROJECT FILE…" rather than naming
   * the command twice. */
  prgname = g_strdup_printf ("standpoint-cli %s", command->name);
  g_set_prgname (prgname);
  context = g_option_context_new (_(command->arguments));
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("standpoint-cli %s: %s\n", command->name, error->message);
      return FALSE;
    }

  /* argv[0] is the command name. */
  n_args = *argc - 1;
  if (n_args < min_args || (max_args >= 0 && n_args > max_args))
    {
      g_printerr (_("Usage: standpoint-cli %s %s\n"), command->name, _(command->arguments));
      return FALSE;
    }

  return TRUE;
}

SpProject *
sp_cli_open_project (const char         *path,
                     SpProjectOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  SpProject *project;

  project = sp_project_open (path, flags, &error);
  if (project == NULL)
    {
      sp_cli_fail (error);
      return NULL;
    }

  /* Only worth saying when the user asked for a change. */
  if (sp_project_is_read_only (project) && !(flags & SP_PROJECT_OPEN_READ_ONLY))
    g_printerr ("standpoint-cli: %s\n", sp_project_get_read_only_reason (project));

  return project;
}

gboolean sp_cli_json_output;

const GOptionEntry sp_cli_json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &sp_cli_json_output, N_("Print one JSON array"), NULL },
  { NULL }
};

int
sp_cli_print_items (GPtrArray        *items,
                    gboolean          json,
                    SpCliLineFunc     print_line,
                    SpCliMembersFunc  add_members,
                    gpointer          user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!json)
    {
      for (guint i = 0; i < items->len; i++)
        print_line (g_ptr_array_index (items, i));
      return SP_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (builder);
      add_members (builder, g_ptr_array_index (items, i), user_data);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sp_cli_print_json (builder);
  return SP_CLI_EXIT_OK;
}

int
sp_cli_fail (const GError *error)
{
  /* A failure without its reason is a bug, but still a failure. */
  g_warn_if_fail (error != NULL);
  g_printerr ("standpoint-cli: %s\n", error != NULL ? error->message : _("Failed for an unknown reason"));
  return SP_CLI_EXIT_FAILED;
}

void
sp_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *json = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  fputs (json, stdout);
  fputc ('\n', stdout);
}

void
sp_cli_json_add_strv (JsonBuilder        *builder,
                      const char         *member,
                      const char * const *strv,
                      gboolean            skip_empty)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    if (!skip_empty || *strv[i] != '\0')
      json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

void
sp_cli_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

void
sp_cli_json_add_int (JsonBuilder *builder,
                     const char  *member,
                     gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
sp_cli_json_add_string_or_null (JsonBuilder *builder,
                                const char  *member,
                                const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
sp_cli_json_add_int_or_null (JsonBuilder *builder,
                             const char  *member,
                             gint64       value,
                             gboolean     present)
{
  json_builder_set_member_name (builder, member);
  if (present)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

int
main (int   argc,
      char *argv[])
{
  const SpCliCommand *command;
  const char *localedir = g_getenv ("STANDPOINT_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* STANDPOINT_LOCALEDIR, when set, replaces the installed LOCALEDIR so
   * that an uninstalled build (./run, the tests) finds the .mo files meson
   * compiles into <build>/po: they only reach LOCALEDIR on install. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return SP_CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "help") == 0 || strcmp (argv[1], "--help") == 0 ||
      strcmp (argv[1], "-h") == 0)
    {
      print_usage (stdout);
      return SP_CLI_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("standpoint-cli %s\n", PACKAGE_VERSION);
      return SP_CLI_EXIT_OK;
    }

  command = sp_cli_find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("standpoint-cli: unknown command “%s”\n\n"), argv[1]);
      print_usage (stderr);
      return SP_CLI_EXIT_USAGE;
    }

  return command->run (argc - 1, argv + 1);
}
