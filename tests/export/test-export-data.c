/* test-export-data.c: CSV, W3C Web Annotation JSON and GraphML of the
 * fixture's three annotations, checked by reading them back; and the
 * atomic writer, which never leaves a truncated or clobbered file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "export-test-fixture.h"
#include "sp-export.h"
#include "sp-export-file.h"
#include "sp-project-themes.h"
#include "test-helpers.h"

/* CSV */

/* A strict RFC 4180 reader: rows of cells, CRLF line ends, quoted cells
 * with doubled quotes. Fails the test on anything else. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = csv;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (cell, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          {
            g_assert_true (*p != '\n' && *p != '"');
            g_string_append_c (cell, *p++);
          }

      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_cmpint (p[0], ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
          g_ptr_array_set_free_func (row, g_free);
        }
    }
  return rows;
}

static const char * const *
find_row (GPtrArray  *rows,
          gint64      annotation_id,
          const char *theme)
{
  g_autofree char *id = g_strdup_printf ("%lld", (long long) annotation_id);

  for (guint i = 1; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row[0], id) && g_str_equal (row[6], theme))
        return row;
    }
  g_assert_not_reached ();
}

static void
test_csv (ExportFixture *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = export_to_string (fixture->project, sp_export_csv, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  const char * const *header = g_ptr_array_index (rows, 0);
  const char * const expected_header[] = {
    "annotation_id", "document_id", "document", "start", "end", "quote", "theme",
    "stakeholder", "stance", "memo", "author", "created_at", "updated_at", NULL,
  };
  const char * const *row;
  g_autofree char *quote_a = NULL;
  g_autofree char *report_id = g_strdup_printf ("%lld", (long long) fixture->report_id);

  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_cmpstrv (header, expected_header);
  /* A has two themes: two rows; B and C one each. */
  g_assert_cmpuint (rows->len, ==, 1 + 4);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, 13);

  row = find_row (rows, fixture->annotation_a, "Values");
  g_assert_cmpstr (row[5], ==, QUOTE_A);
  g_assert_cmpstr (row[7], ==, "Robin Mansell");
  g_assert_cmpstr (row[8], ==, "supports");
  /* The formula is inert: a leading quote, the rest verbatim. */
  g_assert_cmpstr (row[9], ==, "'" MEMO_A);
  quote_a = document_substring (fixture->project, fixture->transcript_id,
                                g_ascii_strtoll (row[3], NULL, 10), g_ascii_strtoll (row[4], NULL, 10));
  g_assert_cmpstr (quote_a, ==, QUOTE_A);
  row = find_row (rows, fixture->annotation_a, "Trust");
  g_assert_cmpstr (row[5], ==, QUOTE_A);

  row = find_row (rows, fixture->annotation_b, "Trust");
  g_assert_cmpstr (row[1], ==, report_id);
  g_assert_cmpstr (row[5], ==, QUOTE_B);
  g_assert_cmpstr (row[7], ==, "");
  g_assert_cmpstr (row[8], ==, "");
  g_assert_cmpstr (row[9], ==, "'" MEMO_B);

  row = find_row (rows, fixture->annotation_c, "Values");
  g_assert_cmpstr (row[5], ==, QUOTE_C);
  g_assert_cmpstr (row[7], ==, "Milton Mueller");
  g_assert_cmpstr (row[8], ==, "opposes");
  g_assert_cmpstr (row[9], ==, "");
}

static void
test_csv_formula_starts (ExportFixture *fixture,
                         gconstpointer  data)
{
  const char * const memos[] = { "@SUM(A1)", "-2+3", "\tcmd", "\rcmd", "=1+1", "+1" };

  for (guint i = 0; i < G_N_ELEMENTS (memos); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *expected = g_strconcat ("'", memos[i], NULL);

      sp_project_update_annotation (fixture->project, fixture->annotation_c, &fixture->values_id, 1,
                                    0, SP_STANCE_OPPOSES, memos[i], &error);
      g_assert_no_error (error);
      csv = export_to_string (fixture->project, sp_export_csv, NULL);
      rows = parse_csv (csv);
      g_assert_cmpstr (find_row (rows, fixture->annotation_c, "Values")[9], ==, expected);
    }
}

/* Web Annotation */

static JsonObject *
find_body (JsonArray  *bodies,
           const char *purpose,
           const char *value)
{
  for (guint i = 0; i < json_array_get_length (bodies); i++)
    {
      JsonObject *body = json_array_get_object_element (bodies, i);

      g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "TextualBody");
      if (g_str_equal (json_object_get_string_member (body, "purpose"), purpose) &&
          (value == NULL || g_str_equal (json_object_get_string_member (body, "value"), value)))
        return body;
    }
  return NULL;
}

static guint
count_bodies (JsonArray  *bodies,
              const char *purpose)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (bodies); i++)
    n += g_str_equal (json_object_get_string_member (json_array_get_object_element (bodies, i), "purpose"), purpose);
  return n;
}

static void
check_selectors (ExportFixture *fixture,
                 JsonObject    *annotation,
                 gint64         document_id,
                 const char    *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDocumentInfo) document = sp_project_get_document (fixture->project, document_id, &error);
  g_autofree char *source = g_strconcat ("urn:sha256:", document->sha256, NULL);
  JsonObject *target = json_object_get_object_member (annotation, "target");
  JsonArray *selectors = json_object_get_array_member (target, "selector");
  JsonObject *quote_selector = json_array_get_object_element (selectors, 0);
  JsonObject *position = json_array_get_object_element (selectors, 1);
  gint64 start = json_object_get_int_member (position, "start");
  gint64 end = json_object_get_int_member (position, "end");
  g_autofree char *exact = document_substring (fixture->project, document_id, start, end);
  g_autofree char *before = document_substring (fixture->project, document_id, MAX (0, start - 32), start);
  const char *prefix;

  g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, source);
  g_assert_cmpuint (json_array_get_length (selectors), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (quote_selector, "type"), ==, "TextQuoteSelector");
  g_assert_cmpstr (json_object_get_string_member (position, "type"), ==, "TextPositionSelector");
  g_assert_cmpstr (json_object_get_string_member (quote_selector, "exact"), ==, quote);
  /* The text at the positions is the exact quote. */
  g_assert_cmpstr (exact, ==, quote);
  prefix = json_object_get_string_member (quote_selector, "prefix");
  g_assert_true (g_str_has_suffix (before, prefix));
  g_assert_true (json_object_has_member (quote_selector, "suffix"));
}

static JsonObject *
find_annotation (JsonArray  *items,
                 const char *quote)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *target = json_object_get_object_member (item, "target");
      JsonObject *selector = json_array_get_object_element (json_object_get_array_member (target, "selector"), 0);

      if (g_str_equal (json_object_get_string_member (selector, "exact"), quote))
        return item;
    }
  g_assert_not_reached ();
}

static void
test_web_annotation (ExportFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *json = export_to_string (fixture->project, sp_export_web_annotation, NULL);
  g_autofree char *again = export_to_string (fixture->project, sp_export_web_annotation, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root, *page, *a, *b, *c;
  JsonArray *items, *bodies;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  /* Ids are stable: the same project exports the same document. */
  g_assert_cmpstr (json, ==, again);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "id"), "urn:uuid:"));
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, 3);
  page = json_object_get_object_member (root, "first");
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);

  /* The model's MUSTs for every annotation: id (an IRI), type, target. */
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *id = json_object_get_string_member (item, "id");

      g_assert_true (g_str_has_prefix (id, "urn:uuid:"));
      g_assert_cmpuint (strlen (id), ==, strlen ("urn:uuid:") + 36);
      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "Annotation");
      g_assert_true (json_object_has_member (item, "target"));
      g_assert_true (json_object_has_member (item, "created"));
      g_assert_true (json_object_has_member (item, "modified"));
    }

  a = find_annotation (items, QUOTE_A);
  check_selectors (fixture, a, fixture->transcript_id, QUOTE_A);
  g_assert_cmpstr (json_object_get_string_member (a, "motivation"), ==, "tagging");
  bodies = json_object_get_array_member (a, "body");
  g_assert_nonnull (find_body (bodies, "tagging", "Values"));
  g_assert_nonnull (find_body (bodies, "tagging", "Trust"));
  g_assert_nonnull (find_body (bodies, "commenting", MEMO_A));
  g_assert_nonnull (find_body (bodies, "identifying", "Robin Mansell"));
  g_assert_nonnull (find_body (bodies, "classifying", "supports"));
  g_assert_cmpuint (json_array_get_length (bodies), ==, 5);

  b = find_annotation (items, QUOTE_B);
  check_selectors (fixture, b, fixture->report_id, QUOTE_B);
  bodies = json_object_get_array_member (b, "body");
  g_assert_nonnull (find_body (bodies, "tagging", "Trust"));
  g_assert_nonnull (find_body (bodies, "commenting", MEMO_B));
  g_assert_cmpuint (count_bodies (bodies, "identifying"), ==, 0);
  g_assert_cmpuint (count_bodies (bodies, "classifying"), ==, 0);

  c = find_annotation (items, QUOTE_C);
  check_selectors (fixture, c, fixture->transcript_id, QUOTE_C);
  bodies = json_object_get_array_member (c, "body");
  g_assert_nonnull (find_body (bodies, "identifying", "Milton Mueller"));
  g_assert_nonnull (find_body (bodies, "classifying", "opposes"));
  g_assert_cmpuint (count_bodies (bodies, "commenting"), ==, 0);
}

/* GraphML */

static const char *
node_data (xmlNodePtr  node,
           const char *key)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      xmlChar *value;
      gboolean match;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      value = xmlGetProp (child, BAD_CAST "key");
      match = g_str_equal ((char *) value, key);
      xmlFree (value);
      if (match)
        return (const char *) child->children->content;
    }
  return NULL;
}

/* Parses a GraphML export, checks its structure (every data key declared,
 * node ids unique, edges between known nodes) and returns node labels by
 * id and the edges as "source-label|target-label" → edge element. */
static xmlDocPtr
parse_graphml (const char  *xml,
               GHashTable  *labels,
               GHashTable  *edges)
{
  xmlDocPtr doc = xmlReadMemory (xml, (int) strlen (xml), "export.graphml", NULL, XML_PARSE_NONET);
  xmlNodePtr root = xmlDocGetRootElement (doc);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNodePtr graph = NULL;

  g_assert_nonnull (doc);
  g_assert_cmpstr ((char *) root->name, ==, "graphml");
  g_assert_cmpstr ((char *) root->ns->href, ==, "http://graphml.graphdrawing.org/xmlns");
  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && g_str_equal ((char *) node->name, "key"))
      {
        xmlChar *id = xmlGetProp (node, BAD_CAST "id");
        g_hash_table_add (keys, g_strdup ((char *) id));
        xmlFree (id);
      }
    else if (node->type == XML_ELEMENT_NODE && g_str_equal ((char *) node->name, "graph"))
      graph = node;
  g_assert_nonnull (graph);

  for (xmlNodePtr node = graph->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      for (xmlNodePtr data = node->children; data != NULL; data = data->next)
        if (data->type == XML_ELEMENT_NODE)
          {
            xmlChar *key = xmlGetProp (data, BAD_CAST "key");
            g_assert_true (g_hash_table_contains (keys, (char *) key));
            xmlFree (key);
          }
      if (g_str_equal ((char *) node->name, "node"))
        {
          xmlChar *id = xmlGetProp (node, BAD_CAST "id");
          g_assert_false (g_hash_table_contains (labels, (char *) id));
          g_hash_table_insert (labels, g_strdup ((char *) id), g_strdup (node_data (node, "label")));
          xmlFree (id);
        }
      else
        {
          xmlChar *source = xmlGetProp (node, BAD_CAST "source");
          xmlChar *target = xmlGetProp (node, BAD_CAST "target");
          const char *source_label = g_hash_table_lookup (labels, (char *) source);
          const char *target_label = g_hash_table_lookup (labels, (char *) target);

          g_assert_nonnull (source_label);
          g_assert_nonnull (target_label);
          g_hash_table_insert (edges, g_strconcat (source_label, "|", target_label, NULL), node);
          xmlFree (source);
          xmlFree (target);
        }
    }
  return doc;
}

static void
test_graphml_themes (ExportFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *xml = export_to_string (fixture->project, sp_export_graphml_themes, NULL);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc = parse_graphml (xml, labels, edges);
  xmlNodePtr edge;

  g_autoptr(GPtrArray) themes = sp_project_list_themes (fixture->project, NULL);

  /* Two stakeholders with passages (B has none), and every theme of the
   * codebook (the sample's and the fixture's two), linked or not. */
  g_assert_cmpuint (g_hash_table_size (labels), ==, 2 + themes->len);
  g_assert_cmpuint (g_hash_table_size (edges), ==, 3);

  edge = g_hash_table_lookup (edges, "Robin Mansell|Values");
  g_assert_nonnull (edge);
  g_assert_cmpstr (node_data (edge, "weight"), ==, "1");
  g_assert_cmpstr (node_data (edge, "supports"), ==, "1");
  g_assert_cmpstr (node_data (edge, "net_stance"), ==, "1");
  edge = g_hash_table_lookup (edges, "Robin Mansell|Trust");
  g_assert_nonnull (edge);
  g_assert_cmpstr (node_data (edge, "weight"), ==, "1");
  edge = g_hash_table_lookup (edges, "Milton Mueller|Values");
  g_assert_nonnull (edge);
  g_assert_cmpstr (node_data (edge, "opposes"), ==, "1");
  g_assert_cmpstr (node_data (edge, "net_stance"), ==, "-1");
  xmlFreeDoc (doc);
}

static void
test_graphml_agreement (ExportFixture *fixture,
                        gconstpointer  data)
{
  g_autofree char *xml = export_to_string (fixture->project, sp_export_graphml_agreement, NULL);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc = parse_graphml (xml, labels, edges);
  xmlNodePtr edge;

  g_assert_cmpuint (g_hash_table_size (labels), ==, 2);
  g_assert_cmpuint (g_hash_table_size (edges), ==, 1);
  edge = g_hash_table_lookup (edges, "Milton Mueller|Robin Mansell");
  if (edge == NULL)
    edge = g_hash_table_lookup (edges, "Robin Mansell|Milton Mueller");
  g_assert_nonnull (edge);
  /* Robin supports Values, Milton opposes it. */
  g_assert_cmpstr (node_data (edge, "agree"), ==, "0");
  g_assert_cmpstr (node_data (edge, "conflict"), ==, "1");
  g_assert_cmpstr (node_data (edge, "conflict_themes"), ==, "Values");
  g_assert_cmpstr (node_data (edge, "net"), ==, "-1");
  xmlFreeDoc (doc);
}

/* Atomic writes */

static char **
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gboolean
write_then_fail (GOutputStream  *stream,
                 gpointer        user_data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_output_stream_write_all (stream, "half of it", 10, NULL, NULL, NULL);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the writer gave up");
  return FALSE;
}

static void
test_atomic_write (ExportFixture *fixture,
                   gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *target = g_build_filename (out_dir, "data.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "data.csv", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *contents = NULL;
  const char * const only_target[] = { "data.csv", NULL };

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_file_set_contents (target, "the old export", -1, &error);
  g_assert_no_error (error);

  /* Cancelled: the old file stays, and no temporary is left. */
  g_cancellable_cancel (cancellable);
  g_assert_false (sp_export_to_path (fixture->project, SP_EXPORT_QDPX, target, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_file_get_contents (target, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "the old export");
  names = list_dir (out_dir);
  g_assert_cmpstrv (names, only_target);
  g_clear_pointer (&names, g_strfreev);
  g_clear_pointer (&contents, g_free);

  /* A writer that fails half way: same. */
  g_assert_false (sp_export_file_write (target, write_then_fail, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_file_get_contents (target, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "the old export");
  names = list_dir (out_dir);
  g_assert_cmpstrv (names, only_target);
  g_clear_pointer (&names, g_strfreev);
  g_clear_pointer (&contents, g_free);

  /* A folder that does not exist: an error naming it, no file. */
  g_assert_false (sp_export_to_path (fixture->project, SP_EXPORT_CSV, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A link is written through, and stays a link; a private file stays
   * private. */
  {
    g_autofree char *real = g_build_filename (out_dir, "real.csv", NULL);
    g_autofree char *link = g_build_filename (out_dir, "link.csv", NULL);
    g_autofree char *fifo = g_build_filename (out_dir, "fifo.csv", NULL);
    g_autofree char *dangling = g_build_filename (out_dir, "dangling.csv", NULL);
    g_autofree char *linked = NULL;
    GStatBuf st;

    g_file_set_contents (real, "old", -1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_chmod (real, 0600), ==, 0);
    g_assert_cmpint (symlink ("real.csv", link), ==, 0);
    g_assert_true (sp_export_to_path (fixture->project, SP_EXPORT_CSV, link, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
    g_file_get_contents (real, &linked, NULL, &error);
    g_assert_true (g_str_has_prefix (linked, "annotation_id,document_id,"));
    g_assert_cmpint (g_stat (real, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);

    /* A pipe (or a device, or a folder) is not replaced by a file. */
    g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
    g_assert_false (sp_export_to_path (fixture->project, SP_EXPORT_CSV, fifo, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_assert_nonnull (strstr (error->message, "is not an ordinary file"));
    g_clear_error (&error);
    g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
    g_assert_false (sp_export_to_path (fixture->project, SP_EXPORT_CSV, out_dir, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_clear_error (&error);

    g_assert_cmpint (symlink ("nowhere.csv", dangling), ==, 0);
    g_assert_false (sp_export_to_path (fixture->project, SP_EXPORT_CSV, dangling, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);

    g_assert_cmpint (g_unlink (link), ==, 0);
    g_assert_cmpint (g_unlink (real), ==, 0);
    g_assert_cmpint (g_unlink (fifo), ==, 0);
    g_assert_cmpint (g_unlink (dangling), ==, 0);
  }

  /* Success replaces the old file whole. */
  g_assert_true (sp_export_to_path (fixture->project, SP_EXPORT_CSV, target, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (target, &contents, NULL, &error);
  g_assert_true (g_str_has_prefix (contents, "annotation_id,document_id,"));
  g_assert_nonnull (strstr (contents, QUOTE_C));
  names = list_dir (out_dir);
  g_assert_cmpstrv (names, only_target);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  EXPORT_TEST_ADD ("/Export/csv/rows", test_csv);
  EXPORT_TEST_ADD ("/Export/csv/formula-starts", test_csv_formula_starts);
  EXPORT_TEST_ADD ("/Export/web-annotation/model", test_web_annotation);
  EXPORT_TEST_ADD ("/Export/graphml/themes", test_graphml_themes);
  EXPORT_TEST_ADD ("/Export/graphml/agreement", test_graphml_agreement);
  EXPORT_TEST_ADD ("/Export/file/atomic", test_atomic_write);

  return g_test_run ();
}
