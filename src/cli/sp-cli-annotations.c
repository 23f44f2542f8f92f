/* sp-cli-annotations.c: annotate, annotations, unannotate, search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-annotations.h"
#include "sp-cli.h"
#include "sp-search.h"

/* Filters shared by annotations and search. */
static gboolean json_output;
static char *document_name;
static char **theme_names;
static char *stakeholder_name;
static char *stance_name;

#define FILTER_ENTRIES \
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print one JSON array"), NULL }, \
  { "document", 0, 0, G_OPTION_ARG_STRING, &document_name, N_("Only this document (id, title or file name)"), N_("DOCUMENT") }, \
  { "theme", 0, 0, G_OPTION_ARG_STRING_ARRAY, &theme_names, N_("Only passages tagged with this theme"), N_("THEME") }, \
  { "stakeholder", 0, 0, G_OPTION_ARG_STRING, &stakeholder_name, N_("Only this stakeholder (name or alias)"), N_("NAME") }, \
  { "stance", 0, 0, G_OPTION_ARG_STRING, &stance_name, N_("supports, opposes, mixed, neutral or unclear"), N_("STANCE") }

static gboolean
parse_stance (const char  *name,
              SpStance    *stance)
{
  *stance = SP_STANCE_NONE;
  if (name == NULL)
    return TRUE;
  if (!sp_stance_from_string (name, stance) || *stance == SP_STANCE_NONE)
    {
      g_printerr (_("standpoint-cli: unknown stance “%s” (use supports, opposes, mixed, neutral or unclear)\n"),
                  name);
      return FALSE;
    }
  return TRUE;
}

/* Resolves the filter options to ids; FALSE (message printed) on a name
 * the project does not know. */
static gboolean
resolve_filters (SpProject  *project,
                 gint64     *document_id,
                 gint64     *theme_id,
                 gint64     *stakeholder_id,
                 SpStance   *stance)
{
  g_autoptr(GError) error = NULL;

  *document_id = *theme_id = *stakeholder_id = 0;

  if (document_name != NULL)
    {
      g_autoptr(SpDocumentInfo) info = sp_project_find_document (project, document_name, &error);
      if (info == NULL)
        return sp_cli_fail (error), FALSE;
      *document_id = info->id;
    }
  if (theme_names != NULL && theme_names[0] != NULL)
    {
      if (theme_names[1] != NULL)
        {
          g_printerr (_("standpoint-cli: give --theme once to filter by it\n"));
          return FALSE;
        }
      if ((*theme_id = sp_project_lookup_theme_id (project, theme_names[0], &error)) == 0)
        return sp_cli_fail (error), FALSE;
    }
  if (stakeholder_name != NULL)
    {
      g_autoptr(SpStakeholderInfo) info = sp_project_find_stakeholder (project, stakeholder_name, &error);
      if (info == NULL)
        return sp_cli_fail (error), FALSE;
      *stakeholder_id = info->id;
    }
  return parse_stance (stance_name, stance);
}

static gboolean
parse_offset (const char *text,
              gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, value, NULL);
}

int
sp_cli_annotate (int    argc,
                 char **argv)
{
  static char *memo;
  static gboolean allow_cross_turn;
  static const GOptionEntry entries[] = {
    { "theme", 0, 0, G_OPTION_ARG_STRING_ARRAY, &theme_names, N_("Tag with this theme (repeat for more)"), N_("THEME") },
    { "stakeholder", 0, 0, G_OPTION_ARG_STRING, &stakeholder_name,
      N_("Who holds the position (default: the turn's speaker, or who the paragraph names)"), N_("NAME") },
    { "stance", 0, 0, G_OPTION_ARG_STRING, &stance_name, N_("supports, opposes, mixed, neutral or unclear"), N_("STANCE") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("A note on the passage"), N_("TEXT") },
    { "allow-cross-turn", 0, 0, G_OPTION_ARG_NONE, &allow_cross_turn,
      N_("Accept a passage that runs across two speakers' turns"), NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocumentInfo) document = NULL;
  g_autoptr(GArray) theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 start, end, stakeholder_id = 0, id = 0;
  SpStance stance;

  if (!sp_cli_parse (sp_cli_find_command ("annotate"), entries, &argc, &argv, 4, 4))
    return SP_CLI_EXIT_USAGE;

  if (!parse_offset (argv[3], &start) || !parse_offset (argv[4], &end))
    {
      g_printerr (_("standpoint-cli annotate: START and END must be character offsets (0 or more), not “%s” and “%s”\n"),
                  argv[3], argv[4]);
      return SP_CLI_EXIT_USAGE;
    }

  if (!parse_stance (stance_name, &stance))
    return SP_CLI_EXIT_FAILED;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_DEFAULT)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((document = sp_project_find_document (project, argv[2], &error)) == NULL)
    return sp_cli_fail (error);

  for (guint i = 0; theme_names != NULL && theme_names[i] != NULL; i++)
    {
      gint64 theme_id = sp_project_lookup_theme_id (project, theme_names[i], &error);

      if (theme_id == 0)
        return sp_cli_fail (error);
      g_array_append_val (theme_ids, theme_id);
    }

  if (stakeholder_name != NULL)
    {
      g_autoptr(SpStakeholderInfo) info = sp_project_find_stakeholder (project, stakeholder_name, &error);

      if (info == NULL)
        return sp_cli_fail (error);
      stakeholder_id = info->id;
    }

  if (!sp_project_annotate (project, document->id, start, end,
                            (const gint64 *) theme_ids->data, theme_ids->len,
                            stakeholder_id, stance, memo,
                            allow_cross_turn ? SP_ANNOTATE_ALLOW_CROSS_TURN : SP_ANNOTATE_DEFAULT,
                            &id, &error))
    return sp_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return SP_CLI_EXIT_OK;
}

static char *
one_line (const char *text,
          glong       max_chars)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  glong n_chars;

  g_strdelimit (copy, "\n\t", ' ');
  n_chars = g_utf8_strlen (copy, -1);
  if (n_chars > max_chars)
    {
      g_autofree char *head = g_utf8_substring (copy, 0, max_chars - 1);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&copy);
}

static void
print_annotation_line (const SpAnnotationInfo *info)
{
  g_autofree char *themes = g_strjoinv (", ", info->theme_names);
  g_autofree char *quote = one_line (info->quote, 60);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
           info->id, info->document_title, info->start, info->end,
           info->stakeholder != NULL ? info->stakeholder : "-",
           info->stance != SP_STANCE_NONE ? sp_stance_to_string (info->stance) : "-",
           themes, quote);
}

static void
add_annotation_members (JsonBuilder            *builder,
                        const SpAnnotationInfo *info,
                        gpointer                user_data)
{
  sp_cli_json_add_int (builder, "id", info->id);
  sp_cli_json_add_string (builder, "document", info->document_title);
  sp_cli_json_add_int (builder, "document_id", info->document_id);
  sp_cli_json_add_int (builder, "start", info->start);
  sp_cli_json_add_int (builder, "end", info->end);
  sp_cli_json_add_string (builder, "quote", info->quote);
  sp_cli_json_add_string (builder, "prefix", info->prefix);
  sp_cli_json_add_string (builder, "suffix", info->suffix);
  sp_cli_json_add_strv (builder, "themes", (const char * const *) info->theme_names, FALSE);
  sp_cli_json_add_string_or_null (builder, "stakeholder", info->stakeholder);
  sp_cli_json_add_string_or_null (builder, "stance",
                                  info->stance != SP_STANCE_NONE ? sp_stance_to_string (info->stance) : NULL);
  sp_cli_json_add_string (builder, "memo", info->memo);
  sp_cli_json_add_string (builder, "author", info->author);
  sp_cli_json_add_string (builder, "created_at", info->created_at);
  sp_cli_json_add_string (builder, "updated_at", info->updated_at);
}

int
sp_cli_annotations (int    argc,
                    char **argv)
{
  static const GOptionEntry entries[] = {
    FILTER_ENTRIES,
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  SpAnnotationFilter filter = { 0 };

  if (!sp_cli_parse (sp_cli_find_command ("annotations"), entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if (!resolve_filters (project, &filter.document_id, &filter.theme_id,
                        &filter.stakeholder_id, &filter.stance))
    return SP_CLI_EXIT_FAILED;

  if ((annotations = sp_project_list_annotations (project, &filter, &error)) == NULL)
    return sp_cli_fail (error);

  return sp_cli_print_items (annotations, json_output,
                             (SpCliLineFunc) print_annotation_line,
                             (SpCliMembersFunc) add_annotation_members, NULL);
}

int
sp_cli_unannotate (int    argc,
                   char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!sp_cli_parse (sp_cli_find_command ("unannotate"), NULL, &argc, &argv, 2, 2))
    return SP_CLI_EXIT_USAGE;

  if (!g_ascii_string_to_signed (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("standpoint-cli unannotate: “%s” is not an annotation id\n"), argv[2]);
      return SP_CLI_EXIT_USAGE;
    }

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_DEFAULT)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if (!sp_project_delete_annotation (project, id, &error))
    return sp_cli_fail (error);

  return SP_CLI_EXIT_OK;
}

/* The snippet with its matches in [brackets], for a terminal. */
static char *
marked_snippet (SpSearchHit *hit)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = hit->snippet;

  for (guint i = 0; *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      for (guint h = 0; h < hit->highlights->len; h++)
        if (g_array_index (hit->highlights, SpSearchHighlight, h).start == i)
          g_string_append_c (out, '[');
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      for (guint h = 0; h < hit->highlights->len; h++)
        if (g_array_index (hit->highlights, SpSearchHighlight, h).end == i + 1)
          g_string_append_c (out, ']');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
sp_cli_search (int    argc,
               char **argv)
{
  static int limit = 50;
  static gboolean reading_order;
  static const GOptionEntry entries[] = {
    FILTER_ENTRIES,
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many hits (0: all; default 50)"), N_("N") },
    { "reading-order", 0, 0, G_OPTION_ARG_NONE, &reading_order,
      N_("List hits in document order instead of best first"), NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  SpSearchFilter filter = { 0 };

  if (!sp_cli_parse (sp_cli_find_command ("search"), entries, &argc, &argv, 2, 2))
    return SP_CLI_EXIT_USAGE;
  if (limit < 0)
    {
      g_printerr (_("standpoint-cli search: --limit must be 0 or more\n"));
      return SP_CLI_EXIT_USAGE;
    }

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if (!resolve_filters (project, &filter.document_id, &filter.theme_id,
                        &filter.stakeholder_id, &filter.stance))
    return SP_CLI_EXIT_FAILED;
  filter.order = reading_order ? SP_SEARCH_ORDER_READING : SP_SEARCH_ORDER_RANK;

  if ((hits = sp_project_search (project, argv[2], &filter, (guint) limit, &error)) == NULL)
    return sp_cli_fail (error);

  if (!json_output)
    {
      for (guint i = 0; i < hits->len; i++)
        {
          SpSearchHit *hit = g_ptr_array_index (hits, i);
          g_autofree char *snippet = marked_snippet (hit);

          g_print ("%s\t%s\t%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\t%s\t%s\n",
                   hit->kind == SP_SEARCH_HIT_TEXT ? "text" : "annotation",
                   hit->document_title, hit->start, hit->end,
                   hit->stakeholder != NULL ? hit->stakeholder : "-", snippet);
        }
      return SP_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      SpSearchHit *hit = g_ptr_array_index (hits, i);

      json_builder_begin_object (builder);
      sp_cli_json_add_string (builder, "kind", hit->kind == SP_SEARCH_HIT_TEXT ? "text" : "annotation");
      sp_cli_json_add_int (builder, "id", hit->id);
      sp_cli_json_add_string (builder, "document", hit->document_title);
      sp_cli_json_add_int (builder, "document_id", hit->document_id);
      sp_cli_json_add_int (builder, "start", hit->start);
      sp_cli_json_add_int (builder, "end", hit->end);
      sp_cli_json_add_string_or_null (builder, "stakeholder", hit->stakeholder);
      sp_cli_json_add_string (builder, "snippet", hit->snippet);
      json_builder_set_member_name (builder, "highlights");
      json_builder_begin_array (builder);
      for (guint h = 0; h < hit->highlights->len; h++)
        {
          SpSearchHighlight *range = &g_array_index (hit->highlights, SpSearchHighlight, h);

          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, range->start);
          json_builder_add_int_value (builder, range->end);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_double_value (builder, hit->rank);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sp_cli_print_json (builder);

  return SP_CLI_EXIT_OK;
}
