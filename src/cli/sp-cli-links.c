/* sp-cli-links.c: links between annotations, and the report-to-transcript
 * attribution check.
 *
 * JSON output (field names are stable; offsets are code points, end
 * exclusive):
 *
 * links --json: an array of
 *   { "id", "kind" ("paraphrases", "responds_to", "contradicts", "cites"),
 *     "source_id", "source_document_id", "source_start", "source_end",
 *     "target_id", "target_document_id", "target_start", "target_end",
 *     "created_at" (ISO 8601, UTC) }
 *
 * attributions --json: an array, in reading order, of
 *   { "document_id", "start", "end", "text",
 *     "reasons" (array of "names_stakeholder", "cites_discussion"),
 *     "stakeholder_id", "stakeholder" (both null if none),
 *     "footnote" (number of the citing footnote, or null),
 *     "state" ("no-candidate", "proposed", "linked", "rejected"),
 *     "link_id" (null unless linked),
 *     "candidates": array, best first, of
 *       { "segment_id", "start", "end", "text",
 *         "stakeholder_id", "speaker" (null if unknown),
 *         "timestamp_ms", "timestamp" ("H:MM:SS"; both null if none),
 *         "score" (BM25, higher is closer) } }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-attribution.h"
#include "sp-cli.h"
#include "sp-error.h"
#include "sp-links.h"

/* How much of a candidate's text the human-readable listing shows. */
#define CANDIDATE_PREVIEW_CHARS 120

static gboolean
parse_id (const char *str,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (str, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* links */

static void
print_link_line (const SpLinkInfo *link)
{
  g_print ("%lld\t%s\t%lld\t%lld:%lld-%lld\t%lld\t%lld:%lld-%lld\n",
           (long long) link->id, sp_link_kind_to_string (link->kind),
           (long long) link->source_id, (long long) link->source_document_id,
           (long long) link->source_start, (long long) link->source_end,
           (long long) link->target_id, (long long) link->target_document_id,
           (long long) link->target_start, (long long) link->target_end);
}

static void
add_link_members (JsonBuilder      *builder,
                  const SpLinkInfo *link,
                  gpointer          user_data)
{
  sp_cli_json_add_int (builder, "id", link->id);
  sp_cli_json_add_string (builder, "kind", sp_link_kind_to_string (link->kind));
  sp_cli_json_add_int (builder, "source_id", link->source_id);
  sp_cli_json_add_int (builder, "source_document_id", link->source_document_id);
  sp_cli_json_add_int (builder, "source_start", link->source_start);
  sp_cli_json_add_int (builder, "source_end", link->source_end);
  sp_cli_json_add_int (builder, "target_id", link->target_id);
  sp_cli_json_add_int (builder, "target_document_id", link->target_document_id);
  sp_cli_json_add_int (builder, "target_start", link->target_start);
  sp_cli_json_add_int (builder, "target_end", link->target_end);
  sp_cli_json_add_string (builder, "created_at", link->created_at);
}

int
sp_cli_links (int    argc,
              char **argv)
{
  static gboolean json;
  static char *document_ref;
  static const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON array"), NULL },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document_ref,
      N_("Only links with an end in this document (id, title or file name)"), N_("DOCUMENT") },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id = 0;

  if (!sp_cli_parse (sp_cli_find_command ("links"), entries, &argc, &argv, 1, 1))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if (document_ref != NULL)
    {
      g_autoptr(SpDocumentInfo) document = sp_project_find_document (project, document_ref, &error);

      if (document == NULL)
        return sp_cli_fail (error);
      document_id = document->id;
    }

  if ((links = sp_project_list_links (project, document_id, &error)) == NULL)
    return sp_cli_fail (error);

  return sp_cli_print_items (links, json, (SpCliLineFunc) print_link_line,
                             (SpCliMembersFunc) add_link_members, NULL);
}

/* link */

int
sp_cli_link (int    argc,
             char **argv)
{
  static char *kind_name;
  static const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("paraphrases (the default), responds-to, contradicts or cites"), N_("KIND") },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpLinkKind kind = SP_LINK_PARAPHRASES;
  gint64 source_id, target_id, id = 0;

  if (!sp_cli_parse (sp_cli_find_command ("link"), entries, &argc, &argv, 3, 3))
    return SP_CLI_EXIT_USAGE;

  if (!parse_id (argv[2], &source_id) || !parse_id (argv[3], &target_id))
    {
      g_printerr (_("standpoint-cli link: SOURCE-ID and TARGET-ID must be annotation ids (1 or more), "
                    "not “%s” and “%s”\n"),
                  argv[2], argv[3]);
      return SP_CLI_EXIT_USAGE;
    }
  if (kind_name != NULL && !sp_link_kind_from_string (kind_name, &kind))
    {
      g_printerr (_("standpoint-cli link: unknown kind “%s”; use paraphrases, responds-to, contradicts or cites\n"),
                  kind_name);
      return SP_CLI_EXIT_USAGE;
    }

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_DEFAULT)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if (!sp_project_link_annotations (project, source_id, target_id, kind, &id, &error))
    return sp_cli_fail (error);

  g_print ("%lld\n", (long long) id);
  return SP_CLI_EXIT_OK;
}

/* attributions */

static char *
format_timestamp (gint64 ms)
{
  gint64 s = ms / 1000;

  return g_strdup_printf ("%lld:%02d:%02d", (long long) (s / 3600), (int) (s / 60 % 60), (int) (s % 60));
}

static char *
preview (const char *text)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\n\t", ' ');

  if (g_utf8_strlen (flat, -1) <= CANDIDATE_PREVIEW_CHARS)
    return g_steal_pointer (&flat);
  *g_utf8_offset_to_pointer (flat, CANDIDATE_PREVIEW_CHARS - 1) = '\0';
  return g_strconcat (flat, "…", NULL);
}

static void
print_attribution (const SpAttribution *attribution)
{
  g_autofree char *text = g_strdelimit (g_strdup (attribution->text), "\n\t", ' ');
  g_autofree char *footnote = attribution->footnote > 0 ?
    g_strdup_printf (_("note %d"), attribution->footnote) : g_strdup ("-");

  g_print ("%lld-%lld\t%s\t%s\t%s\n  %s\n",
           (long long) attribution->start, (long long) attribution->end,
           sp_attribution_state_to_string (attribution->state),
           attribution->stakeholder != NULL ? attribution->stakeholder : "-",
           footnote, text);

  for (guint i = 0; i < attribution->candidates->len; i++)
    {
      const SpAttributionCandidate *candidate = g_ptr_array_index (attribution->candidates, i);
      g_autofree char *when = candidate->timestamp_ms >= 0 ? format_timestamp (candidate->timestamp_ms)
                                                          : g_strdup ("-");
      g_autofree char *excerpt = preview (candidate->text);

      g_print ("  %u. %lld-%lld\t%s\t%s\t%.2f\n     %s\n", i + 1,
               (long long) candidate->start, (long long) candidate->end,
               candidate->speaker != NULL ? candidate->speaker : "-", when, candidate->score, excerpt);
    }
  g_print ("\n");
}

static void
add_candidate (JsonBuilder                  *builder,
               const SpAttributionCandidate *candidate)
{
  g_autofree char *when = candidate->timestamp_ms >= 0 ? format_timestamp (candidate->timestamp_ms) : NULL;

  json_builder_begin_object (builder);
  sp_cli_json_add_int (builder, "segment_id", candidate->segment_id);
  sp_cli_json_add_int (builder, "start", candidate->start);
  sp_cli_json_add_int (builder, "end", candidate->end);
  sp_cli_json_add_string (builder, "text", candidate->text);
  sp_cli_json_add_int_or_null (builder, "stakeholder_id", candidate->stakeholder_id,
                               candidate->stakeholder_id > 0);
  sp_cli_json_add_string_or_null (builder, "speaker", candidate->speaker);
  sp_cli_json_add_int_or_null (builder, "timestamp_ms", candidate->timestamp_ms, candidate->timestamp_ms >= 0);
  sp_cli_json_add_string_or_null (builder, "timestamp", when);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, candidate->score);
  json_builder_end_object (builder);
}

static void
add_attribution_members (JsonBuilder         *builder,
                         const SpAttribution *attribution,
                         gpointer             user_data)
{
  const char *reasons[3] = { NULL };
  guint n_reasons = 0;

  if (attribution->reasons & SP_ATTRIBUTION_NAMES_STAKEHOLDER)
    reasons[n_reasons++] = "names_stakeholder";
  if (attribution->reasons & SP_ATTRIBUTION_CITES_DISCUSSION)
    reasons[n_reasons++] = "cites_discussion";

  sp_cli_json_add_int (builder, "document_id", attribution->document_id);
  sp_cli_json_add_int (builder, "start", attribution->start);
  sp_cli_json_add_int (builder, "end", attribution->end);
  sp_cli_json_add_string (builder, "text", attribution->text);
  sp_cli_json_add_strv (builder, "reasons", reasons, FALSE);
  sp_cli_json_add_int_or_null (builder, "stakeholder_id", attribution->stakeholder_id,
                               attribution->stakeholder_id > 0);
  sp_cli_json_add_string_or_null (builder, "stakeholder", attribution->stakeholder);
  sp_cli_json_add_int_or_null (builder, "footnote", attribution->footnote, attribution->footnote > 0);
  sp_cli_json_add_string (builder, "state", sp_attribution_state_to_string (attribution->state));
  sp_cli_json_add_int_or_null (builder, "link_id", attribution->link_id,
                               attribution->state == SP_ATTRIBUTION_LINKED);
  json_builder_set_member_name (builder, "candidates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < attribution->candidates->len; i++)
    add_candidate (builder, g_ptr_array_index (attribution->candidates, i));
  json_builder_end_array (builder);
}

int
sp_cli_attributions (int    argc,
                     char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocumentInfo) report = NULL;
  g_autoptr(SpDocumentInfo) transcript = NULL;
  g_autoptr(GPtrArray) attributions = NULL;
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse (sp_cli_find_command ("attributions"), sp_cli_json_entries, &argc, &argv, 3, 3))
    return SP_CLI_EXIT_USAGE;

  if ((project = sp_cli_open_project (argv[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL)
    return SP_CLI_EXIT_FAILED;

  if ((report = sp_project_find_document (project, argv[2], &error)) == NULL ||
      (transcript = sp_project_find_document (project, argv[3], &error)) == NULL ||
      (attributions = sp_project_check_attributions (project, report->id, transcript->id, 0,
                                                     NULL, &error)) == NULL)
    return sp_cli_fail (error);

  return sp_cli_print_items (attributions, sp_cli_json_output, (SpCliLineFunc) print_attribution,
                             (SpCliMembersFunc) add_attribution_members, NULL);
}
