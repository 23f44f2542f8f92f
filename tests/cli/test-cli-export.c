/* test-cli-export.c: standpoint-cli export and import-qdpx — every format
 * written where -o says, the options checked, and a .qdpx carried into a
 * new project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cli-test-helpers.h"

/* The sample project with one passage of Thomas Li's tagged; returns its
 * quote. */
static char *
annotated_project (const char  *name,
                   char       **out_project)
{
  g_autofree char *project = new_sample_project (name);
  g_auto(Result) found = { 0 };
  g_auto(Result) annotate = { 0 };
  g_auto(Result) listed = { 0 };
  g_autoptr(JsonArray) hits = NULL;
  g_autoptr(JsonArray) annotations = NULL;
  g_autofree char *document = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  JsonObject *hit;

  run_cli (&found, "search", project, "\"like-minded standards\"", "--json", "--stakeholder", "Thomas Li", NULL);
  g_assert_cmpint (found.status, ==, 0);
  hits = parse_array (found.out);
  hit = json_array_get_object_element (hits, 0);
  document = g_strdup_printf ("%lld", (long long) json_object_get_int_member (hit, "document_id"));
  start = g_strdup_printf ("%lld", (long long) json_object_get_int_member (hit, "start"));
  end = g_strdup_printf ("%lld", (long long) json_object_get_int_member (hit, "start") + 40);
  run_cli (&annotate, "annotate", project, document, start, end, "--theme", "Like-minded countries",
           "--stance", "opposes", "--memo", "=cmd|' /C calc'!A0", NULL);
  g_assert_cmpint (annotate.status, ==, 0);

  run_cli (&listed, "annotations", project, "--json", NULL);
  annotations = parse_array (listed.out);
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
  *out_project = g_steal_pointer (&project);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (annotations, 0), "quote"));
}

static char *
export (const char *project,
        const char *format,
        const char *name,
        const char *network)
{
  g_auto(Result) result = { 0 };
  char *path = g_build_filename (tmp_dir, name, NULL);
  char *contents = NULL;

  if (network != NULL)
    run_cli (&result, "export", project, "--format", format, "-o", path, "--network", network, NULL);
  else
    run_cli (&result, "export", project, "--format", format, "-o", path, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_free (path);
  return contents;
}

static void
test_export_formats (void)
{
  g_autofree char *project = NULL;
  g_autofree char *quote = annotated_project ("export.standpoint", &project);
  g_autofree char *csv = export (project, "csv", "out.csv", NULL);
  g_autofree char *json = export (project, "json", "out.json", NULL);
  g_autofree char *qdc = export (project, "qdc", "out.qdc", NULL);
  g_autofree char *qdpx = export (project, "qdpx", "out.qdpx", NULL);
  g_autofree char *themes = export (project, "graphml", "themes.graphml", NULL);
  g_autofree char *agreement = export (project, "graphml", "agreement.graphml", "agreement");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_true (g_str_has_prefix (csv, "annotation_id,document_id,document,start,end,quote,theme,"));
  g_assert_nonnull (strstr (csv, ",Like-minded countries,Thomas Li,opposes,\"'=cmd|' /C calc'!A0\","));

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, 1);
  g_assert_nonnull (strstr (json, quote));

  g_assert_nonnull (strstr (qdc, "name=\"Like-minded countries\""));
  g_assert_true (g_str_has_prefix (qdpx, "PK\003\004"));
  g_assert_nonnull (strstr (themes, "<data key=\"label\">Like-minded countries</data>"));
  g_assert_nonnull (strstr (themes, "<data key=\"opposes\">1</data>"));
  g_assert_nonnull (strstr (agreement, "<key id=\"conflict\" for=\"edge\""));
}

static void
test_export_errors (void)
{
  g_autofree char *project = new_project ("errors.standpoint");
  g_autofree char *out = g_build_filename (tmp_dir, "never.csv", NULL);
  g_autofree char *nowhere = g_build_filename (tmp_dir, "missing-folder", "x.csv", NULL);

  assert_fails (2, "unknown format “xls”", "export", project, "--format", "xls", "-o", out, NULL);
  assert_fails (2, "needs --format and --output", "export", project, "--format", "csv", NULL);
  assert_fails (2, "--network only applies to --format graphml", "export", project, "--format", "csv",
                "-o", out, "--network", "themes", NULL);
  assert_fails (2, "unknown network “friends”", "export", project, "--format", "graphml", "-o", out,
                "--network", "friends", NULL);
  assert_fails (1, "missing-folder", "export", project, "--format", "csv", "-o", nowhere, NULL);
  /* An empty codebook is no valid .qdc. */
  assert_fails (1, "The codebook is empty", "export", project, "--format", "qdc", "-o", out, NULL);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_import_qdpx (void)
{
  g_autofree char *project = NULL;
  g_autofree char *quote = annotated_project ("source.standpoint", &project);
  g_autofree char *qdpx = g_build_filename (tmp_dir, "carry.qdpx", NULL);
  g_autofree char *target = new_project ("target.standpoint");
  g_autofree char *unused = export (project, "qdpx", "carry.qdpx", NULL);
  g_auto(Result) imported = { 0 };
  g_auto(Result) listed = { 0 };
  g_autoptr(JsonArray) annotations = NULL;
  JsonObject *annotation;

  run_cli (&imported, "import-qdpx", target, qdpx, NULL);
  g_assert_cmpstr (imported.err, ==, "");
  g_assert_cmpint (imported.status, ==, 0);

  run_cli (&listed, "annotations", target, "--json", NULL);
  annotations = parse_array (listed.out);
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
  annotation = json_array_get_object_element (annotations, 0);
  g_assert_cmpstr (json_object_get_string_member (annotation, "quote"), ==, quote);
  g_assert_cmpstr (json_object_get_string_member (annotation, "stakeholder"), ==, "Thomas Li");
  g_assert_cmpstr (json_object_get_string_member (annotation, "stance"), ==, "opposes");

  /* The same sources again are refused, by name. */
  assert_fails (1, "is already in this project", "import-qdpx", target, qdpx, NULL);
  assert_fails (2, "", "import-qdpx", target, NULL);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/export/formats", test_export_formats);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/export/import-qdpx", test_import_qdpx);

  return cli_test_run ();
}
