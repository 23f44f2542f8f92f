/* sp-cli-documents.c: new, import, documents, segments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-cli.h"
#include "sp-import-file.h"
#include "sp-project-themes.h"
#include "sp-sample.h"
#include "sp-text-index.h"

int
sp_cli_new (int    argc,
            char **argv)
{
  static gboolean with_samples;
  static char *codebook;
  static const GOptionEntry entries[] = {
    { "with-samples", 0, 0, G_OPTION_ARG_NONE, &with_samples,
      N_("Import the sample corpus (report and webinar transcript) and its codebook"), NULL },
    { "codebook", 0, 0, G_OPTION_ARG_STRING, &codebook,
      N_("Start from a codebook: “sample” (the themes of the sample corpus)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("new"), entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;

  if (codebook != NULL && g_strcmp0 (codebook, "sample") != 0)
    {
      g_printerr (_("standpoint-cli new: unknown codebook “%s” (the one there is: sample)\n"), codebook);
      return SP_CLI_EXIT_USAGE;
    }

  project = sp_project_create (argv[1], &error);
  if (project == NULL)
    return sp_cli_fail (error);

  if (with_samples && !sp_sample_project_fill (project, NULL, &error))
    return sp_cli_fail (error);

  /* --with-samples already brought the sample codebook along. */
  if (codebook != NULL && !with_samples && !sp_project_add_sample_codebook (project, &error))
    return sp_cli_fail (error);

  return SP_CLI_EXIT_OK;
}

int
sp_cli_import (int    argc,
               char **argv)
{
  static char *format_name;
  static const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("auto (default), text, report or transcript"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  SpImportFormat format = SP_IMPORT_FORMAT_AUTO;
  int status = SP_CLI_EXIT_OK;

  if (!sp_cli_parse (sp_cli_find_command ("import"), entries, &argc, &argv, 2, -1))
    return SP_CLI_EXIT_USAGE;

  if (format_name != NULL && !sp_import_format_from_string (format_name, &format))
    {
      g_printerr (_("standpoint-cli import: unknown format “%s” (use auto, text, report or transcript)\n"),
                  format_name);
      return SP_CLI_EXIT_USAGE;
    }

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_DEFAULT)) == NULL)
    return SP_CLI_EXIT_FAILED;

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(SpDocumentInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id;

      id = sp_import_file (project, file, format, NULL, warnings, &error);
      for (guint w = 0; w < warnings->len; w++)
        g_printerr (_("standpoint-cli: warning: %s\n"), (char *) g_ptr_array_index (warnings, w));

      if (id == 0 || (info = sp_project_get_document (project, id, &error)) == NULL)
        {
          status = sp_cli_fail (error);
          continue;
        }

      g_print (_("Imported “%s” as document %lld: “%s” (%s, %u segments, %u turns)\n"),
               argv[i], (long long) id, info->title, sp_document_kind_to_string (info->kind),
               info->n_segments, info->n_turns);
    }

  return status;
}

static void
print_document_line (const SpDocumentInfo *info)
{
  g_print ("%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT "\t%s\n",
           info->id, sp_document_kind_to_string (info->kind), info->n_chars, info->title);
}

static void
add_document_members (JsonBuilder          *builder,
                      const SpDocumentInfo *info,
                      gpointer              user_data)
{
  g_auto(GStrv) warnings = g_strsplit (info->warnings != NULL ? info->warnings : "", "\n", -1);

  sp_cli_json_add_int (builder, "id", info->id);
  sp_cli_json_add_string (builder, "title", info->title);
  sp_cli_json_add_string (builder, "kind", sp_document_kind_to_string (info->kind));
  sp_cli_json_add_string (builder, "source", info->source_name);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, info->sha256);
  sp_cli_json_add_string (builder, "imported_at", info->imported_at);
  sp_cli_json_add_int (builder, "characters", info->n_chars);
  sp_cli_json_add_int (builder, "segments", info->n_segments);
  sp_cli_json_add_int (builder, "turns", info->n_turns);
  sp_cli_json_add_int (builder, "pages", info->n_pages);
  sp_cli_json_add_int (builder, "paragraphs", info->n_paragraphs);
  sp_cli_json_add_int (builder, "footnotes", info->n_footnotes);
  sp_cli_json_add_strv (builder, "warnings", (const char * const *) warnings, TRUE);
}

int
sp_cli_documents (int    argc,
                  char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("documents"), sp_cli_json_entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((documents = sp_project_list_documents (project, &error)) == NULL)
    return sp_cli_fail (error);

  return sp_cli_print_items (documents, sp_cli_json_output,
                             (SpCliLineFunc) print_document_line,
                             (SpCliMembersFunc) add_document_members, NULL);
}

/* The footnote a segment is about: its own number for a footnote, the number
 * it points to for a reference. */
static gboolean
segment_footnote (const SpSegmentInfo *info,
                  int                 *number)
{
  if (info->kind != SP_SEGMENT_FOOTNOTE && info->kind != SP_SEGMENT_FOOTNOTE_REF)
    return FALSE;
  *number = info->number;
  return TRUE;
}

static void
print_segment_line (const SpSegmentInfo *info,
                    const char          *text)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *excerpt = NULL;
  glong n_chars = g_utf8_strlen (text, -1);

  if (info->stakeholder != NULL)
    g_string_append_printf (details, " [%s]", info->stakeholder);
  if (info->timestamp_ms >= 0)
    g_string_append_printf (details, " @%" G_GINT64_FORMAT "ms", info->timestamp_ms);
  if (info->level > 0)
    g_string_append_printf (details, " level=%d", info->level);
  if (info->number > 0)
    g_string_append_printf (details, " n=%d", info->number);
  if (info->target_ordinal >= 0)
    g_string_append_printf (details, " →%d", info->target_ordinal);

  if (n_chars > 72)
    {
      g_autofree char *head = g_utf8_substring (text, 0, 71);
      excerpt = g_strconcat (head, "…", NULL);
    }
  else
    excerpt = g_strdup (text);
  g_strdelimit (excerpt, "\n\t", ' ');

  g_print ("%d\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
           info->ordinal, sp_segment_kind_to_string (info->kind), info->start, info->end,
           details->len > 0 ? details->str + 1 : "-", excerpt);
}

static void
add_segment_json (JsonBuilder         *builder,
                  const SpSegmentInfo *info,
                  const char          *text)
{
  int footnote = 0;
  gboolean has_footnote = segment_footnote (info, &footnote);

  json_builder_begin_object (builder);
  sp_cli_json_add_int (builder, "index", info->ordinal);
  sp_cli_json_add_string (builder, "kind", sp_segment_kind_to_string (info->kind));
  sp_cli_json_add_int (builder, "start", info->start);
  sp_cli_json_add_int (builder, "end", info->end);
  sp_cli_json_add_string (builder, "text", text);
  sp_cli_json_add_string_or_null (builder, "stakeholder", info->stakeholder);
  sp_cli_json_add_int_or_null (builder, "timestamp_ms", info->timestamp_ms, info->timestamp_ms >= 0);
  sp_cli_json_add_int_or_null (builder, "level", info->level,
                               info->kind == SP_SEGMENT_HEADING || info->kind == SP_SEGMENT_TOC_ENTRY ||
                               info->kind == SP_SEGMENT_EMPHASIS);
  sp_cli_json_add_int_or_null (builder, "footnote", footnote, has_footnote);
  sp_cli_json_add_int_or_null (builder, "number", info->number, info->number > 0);
  sp_cli_json_add_int_or_null (builder, "target", info->target_ordinal, info->target_ordinal >= 0);
  sp_cli_json_add_string_or_null (builder, "href", info->href);
  json_builder_end_object (builder);
}

int
sp_cli_segments (int    argc,
                 char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocumentInfo) document = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(SpTextIndex) offsets = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("segments"), sp_cli_json_entries, &argc, &argv, 2, 2))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((document = sp_project_find_document (project, argv[2], &error)) == NULL ||
      (text = sp_project_get_document_text (project, document->id, &error)) == NULL ||
      (segments = sp_project_list_segments (project, document->id, &error)) == NULL)
    return sp_cli_fail (error);

  offsets = sp_text_index_new (text, strlen (text));
  builder = json_builder_new ();
  json_builder_begin_array (builder);

  for (guint i = 0; i < segments->len; i++)
    {
      SpSegmentInfo *info = g_ptr_array_index (segments, i);
      g_autofree char *segment_text = sp_text_index_substring (offsets, info->start, info->end);

      if (sp_cli_json_output)
        add_segment_json (builder, info, segment_text);
      else
        print_segment_line (info, segment_text);
    }

  json_builder_end_array (builder);
  if (sp_cli_json_output)
    sp_cli_print_json (builder);

  return SP_CLI_EXIT_OK;
}
