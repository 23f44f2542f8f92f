/* sp-export-web-annotation.c: annotations in the W3C Web Annotation Data
 * Model, as JSON-LD.
 *
 * Shape: one AnnotationCollection (id urn:uuid:…, label, total) whose
 * "first" AnnotationPage holds every annotation in "items" — the model's
 * way to ship many annotations as one document. Each Annotation has
 *   @context    repeated, so each one stands on its own
 *   id          urn:uuid:… (stable across exports)
 *   motivation  "tagging" (it has themes), else "commenting" (a memo),
 *               else "identifying" (only a stakeholder)
 *   created, modified, creator {type Person, name} when there is an author
 *   target      {source: urn:sha256:<the source file's SHA-256>,
 *                selector: [TextQuoteSelector {exact, prefix, suffix},
 *                           TextPositionSelector {start, end}]}
 *               (positions in code points, as the model counts characters)
 *   body        TextualBody items: each theme (purpose "tagging"), the memo
 *               ("commenting"), the stakeholder ("identifying": who holds
 *               the position) and the stance ("classifying", value one of
 *               supports, opposes, mixed, neutral, unclear).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "sp-annotations.h"
#include "sp-export.h"
#include "sp-export-private.h"

#define SP_WEB_ANNOTATION_CONTEXT "http://www.w3.org/ns/anno.jsonld"
/* Annotations written per flush. */
#define SP_WEB_ANNOTATIONS_PER_FLUSH 256

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_textual_body (JsonBuilder *builder,
                  const char  *purpose,
                  const char  *value)
{
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextualBody");
  add_string (builder, "purpose", purpose);
  add_string (builder, "value", value);
  add_string (builder, "format", "text/plain");
  json_builder_end_object (builder);
}

static void
add_target (JsonBuilder            *builder,
            const SpAnnotationInfo *info,
            const char             *sha256)
{
  g_autofree char *source = g_strconcat ("urn:sha256:", sha256, NULL);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_string (builder, "source", source);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);

  json_builder_begin_object (builder);
  add_string (builder, "type", "TextQuoteSelector");
  add_string (builder, "exact", info->quote);
  add_string (builder, "prefix", info->prefix != NULL ? info->prefix : "");
  add_string (builder, "suffix", info->suffix != NULL ? info->suffix : "");
  json_builder_end_object (builder);

  json_builder_begin_object (builder);
  add_string (builder, "type", "TextPositionSelector");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, info->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, info->end);
  json_builder_end_object (builder);

  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_annotation (JsonBuilder            *builder,
                SpExportIds            *ids,
                const SpAnnotationInfo *info,
                const char             *sha256)
{
  g_autofree char *guid = _sp_export_ids_guid (ids, "annotation", info->id);
  g_autofree char *id = g_strconcat ("urn:uuid:", guid, NULL);
  gboolean has_themes = info->theme_names != NULL && info->theme_names[0] != NULL;
  gboolean has_memo = info->memo != NULL && *info->memo != '\0';

  json_builder_begin_object (builder);
  /* Repeated on each annotation, so that one taken out of the page on its
   * own is still a complete Web Annotation. */
  add_string (builder, "@context", SP_WEB_ANNOTATION_CONTEXT);
  add_string (builder, "id", id);
  add_string (builder, "type", "Annotation");
  add_string (builder, "motivation", has_themes ? "tagging" : has_memo ? "commenting" : "identifying");
  add_string (builder, "created", info->created_at);
  add_string (builder, "modified", info->updated_at != NULL ? info->updated_at : info->created_at);
  if (info->author != NULL && *info->author != '\0')
    {
      json_builder_set_member_name (builder, "creator");
      json_builder_begin_object (builder);
      add_string (builder, "type", "Person");
      add_string (builder, "name", info->author);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  for (guint t = 0; has_themes && info->theme_names[t] != NULL; t++)
    add_textual_body (builder, "tagging", info->theme_names[t]);
  if (has_memo)
    add_textual_body (builder, "commenting", info->memo);
  if (info->stakeholder != NULL)
    add_textual_body (builder, "identifying", info->stakeholder);
  if (info->stance != SP_STANCE_NONE)
    add_textual_body (builder, "classifying", sp_stance_to_string (info->stance));
  json_builder_end_array (builder);

  add_target (builder, info, sha256);
  json_builder_end_object (builder);
}

/* A JSON string literal of @value, quoted and escaped. */
static char *
json_string_literal (const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);

  return json_to_string (node, FALSE);
}

/* Every annotation becomes its own small JSON tree, written out and
 * dropped before the next, so memory stays flat however many there are;
 * only the collection's frame is written by hand. */
gboolean
sp_export_web_annotation (SpProject      *project,
                          GOutputStream  *stream,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) sha_by_document = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(SpExportIds) ids = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autofree char *collection_guid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  ids = _sp_export_ids_new (project, error);
  if (ids == NULL)
    return FALSE;
  documents = sp_project_list_documents (project, error);
  if (documents == NULL)
    return FALSE;
  annotations = sp_project_list_annotations (project, NULL, error);
  if (annotations == NULL)
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      g_hash_table_insert (sha_by_document, &document->id, document->sha256);
    }

  collection_guid = _sp_export_ids_guid (ids, "collection", 0);
  title = sp_project_dup_title (project);
  label = json_string_literal (title);

  g_string_append_printf (buffer,
                          "{\n"
                          "  \"@context\" : \"" SP_WEB_ANNOTATION_CONTEXT "\",\n"
                          "  \"id\" : \"urn:uuid:%s\",\n"
                          "  \"type\" : \"AnnotationCollection\",\n"
                          "  \"label\" : %s,\n"
                          "  \"total\" : %u,\n"
                          "  \"first\" : {\n"
                          "    \"id\" : \"urn:uuid:%s#page1\",\n"
                          "    \"type\" : \"AnnotationPage\",\n"
                          "    \"startIndex\" : 0,\n"
                          "    \"items\" : [",
                          collection_guid, label, annotations->len, collection_guid);

  for (guint i = 0; i < annotations->len; i++)
    {
      const SpAnnotationInfo *info = g_ptr_array_index (annotations, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *json = NULL;

      add_annotation (builder, ids, info, g_hash_table_lookup (sha_by_document, &info->document_id));
      node = json_builder_get_root (builder);
      json = json_to_string (node, TRUE);
      g_string_append (buffer, i == 0 ? "\n" : ",\n");
      g_string_append (buffer, json);

      if ((i + 1) % SP_WEB_ANNOTATIONS_PER_FLUSH == 0 &&
          !_sp_export_flush (stream, buffer, cancellable, error))
        return FALSE;
    }
  g_string_append (buffer, "\n    ]\n  }\n}\n");

  return _sp_export_flush (stream, buffer, cancellable, error);
}
