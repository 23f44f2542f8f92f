/* test-cli.c: standpoint-cli as a script uses it — exit codes, messages on
 * stderr, and the JSON it prints for the corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *tmp_dir;

static void
run_cli (Result     *result,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("SP_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_exit_status (process);
}

static char *
corpus (const char *name)
{
  return g_build_filename (g_getenv ("SP_TEST_CORPUS"), name, NULL);
}

static JsonArray *
parse_array (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static char *
new_project (const char *name)
{
  g_auto(Result) result = { 0 };
  char *path = g_build_filename (tmp_dir, name, NULL);

  run_cli (&result, "new", path, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  return path;
}

static void
test_corpus_round_trip (void)
{
  g_autofree char *project = new_project ("corpus.standpoint");
  g_autofree char *report = corpus ("geopolitics-of-standards-report.md");
  g_autofree char *transcript = corpus ("geopolitics-of-standards-webinar-transcript.txt");
  g_auto(Result) imported = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) documents = { 0 };
  g_auto(Result) segments = { 0 };
  g_auto(Result) stakeholders = { 0 };
  g_auto(Result) text_listing = { 0 };
  g_autoptr(JsonArray) array = NULL;
  JsonObject *object;
  gboolean found_first_turn = FALSE;
  guint n_turns = 0;
  const char * const speakers[] = {
    "Andrea Renda", "Baisheng An", "Claire Milne", "June Park",
    "Milton Mueller", "Robin Mansell", "Scott Kennedy", "Thomas Li",
  };

  run_cli (&imported, "import", project, report, transcript, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "as document 1"));
  g_assert_nonnull (strstr (imported.out, "as document 2"));

  /* The same file again is recognised, reported, and not stored twice. */
  run_cli (&again, "import", project, transcript, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already in this project"));

  run_cli (&documents, "documents", project, "--json", NULL);
  g_assert_cmpint (documents.status, ==, 0);
  array = parse_array (documents.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "report");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "geopolitics-of-standards-report.md");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "title"), "Report | The Geopolitics"));
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "transcript");
  g_assert_cmpint (json_object_get_int_member (object, "turns"), ==, 43);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "sha256")), ==, 64);
  g_clear_pointer (&array, json_array_unref);

  run_cli (&segments, "segments", project, "geopolitics-of-standards-webinar-transcript.txt", "--json", NULL);
  g_assert_cmpint (segments.status, ==, 0);
  array = parse_array (segments.out);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *segment = json_array_get_object_element (array, i);
      const char *kind = json_object_get_string_member (segment, "kind");

      /* Stable field names, present on every segment. */
      g_assert_true (json_object_has_member (segment, "start"));
      g_assert_true (json_object_has_member (segment, "end"));
      g_assert_true (json_object_has_member (segment, "text"));
      g_assert_true (json_object_has_member (segment, "stakeholder"));
      g_assert_true (json_object_has_member (segment, "timestamp_ms"));
      g_assert_true (json_object_has_member (segment, "level"));
      g_assert_true (json_object_has_member (segment, "footnote"));

      if (g_strcmp0 (kind, "turn") == 0)
        {
          n_turns++;
          if (!found_first_turn)
            {
              found_first_turn = TRUE;
              g_assert_cmpstr (json_object_get_string_member (segment, "stakeholder"), ==, "Robin Mansell");
              g_assert_cmpint (json_object_get_int_member (segment, "timestamp_ms"), ==, 9000);
              g_assert_true (g_str_has_prefix (json_object_get_string_member (segment, "text"),
                                               "Robin Mansell 00:09"));
              g_assert_nonnull (strstr (json_object_get_string_member (segment, "text"),
                                        "Welcome to this webinar on the geopolitics"));
            }
        }
      else if (g_strcmp0 (kind, "heading") == 0 && json_object_get_int_member (segment, "start") == 0)
        {
          g_assert_cmpint (json_object_get_int_member (segment, "level"), ==, 1);
        }
    }
  g_assert_true (found_first_turn);
  g_assert_cmpuint (n_turns, ==, 43);
  g_clear_pointer (&array, json_array_unref);

  run_cli (&stakeholders, "stakeholders", project, "--json", NULL);
  g_assert_cmpint (stakeholders.status, ==, 0);
  array = parse_array (stakeholders.out);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (speakers));
  for (guint i = 0; i < G_N_ELEMENTS (speakers); i++)
    {
      object = json_array_get_object_element (array, i);
      g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, speakers[i]);
      g_assert_cmpint (json_object_get_int_member (object, "turns"), >, 0);
    }
  object = json_array_get_object_element (array, 5);
  g_assert_cmpint (json_object_get_int_member (object, "turns"), ==, 21);

  run_cli (&text_listing, "segments", project, "2", NULL);
  g_assert_cmpint (text_listing.status, ==, 0);
  g_assert_nonnull (strstr (text_listing.out, "turn\t"));
  g_assert_nonnull (strstr (text_listing.out, "[Thomas Li]"));
}

static void
test_errors (void)
{
  g_autofree char *project = new_project ("errors.standpoint");
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.standpoint", NULL);
  g_autofree char *binary = g_build_filename (tmp_dir, "binary.dat", NULL);
  g_autofree char *not_project = g_build_filename (tmp_dir, "notes.txt", NULL);
  g_auto(Result) no_args = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) no_project = { 0 };
  g_auto(Result) not_a_project = { 0 };
  g_auto(Result) bad_file = { 0 };
  g_auto(Result) no_document = { 0 };
  g_auto(Result) exists = { 0 };
  g_auto(Result) documents = { 0 };
  g_auto(Result) help = { 0 };

  run_cli (&no_args, NULL, NULL);
  g_assert_cmpint (no_args.status, ==, 2);
  g_assert_nonnull (strstr (no_args.err, "Usage"));

  run_cli (&help, "help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "segments"));

  run_cli (&unknown, "frobnicate", project, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command"));

  run_cli (&no_project, "documents", missing, NULL);
  g_assert_cmpint (no_project.status, ==, 1);
  g_assert_nonnull (strstr (no_project.err, "no project file"));

  g_assert_true (g_file_set_contents (not_project, "Just some notes, long enough to have a header of a hundred bytes, but not a database at all.", -1, NULL));
  run_cli (&not_a_project, "documents", not_project, NULL);
  g_assert_cmpint (not_a_project.status, ==, 1);
  g_assert_nonnull (strstr (not_a_project.err, "not a Standpoint project"));

  g_assert_true (g_file_set_contents (binary, "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20, NULL));
  run_cli (&bad_file, "import", project, binary, NULL);
  g_assert_cmpint (bad_file.status, ==, 1);
  g_assert_nonnull (strstr (bad_file.err, "binary.dat"));

  run_cli (&no_document, "segments", project, "Nonexistent report", NULL);
  g_assert_cmpint (no_document.status, ==, 1);
  g_assert_nonnull (strstr (no_document.err, "no document “Nonexistent report”"));

  run_cli (&exists, "new", project, NULL);
  g_assert_cmpint (exists.status, ==, 1);
  g_assert_nonnull (strstr (exists.err, "already exists"));

  /* None of that touched the project. */
  run_cli (&documents, "documents", project, "--json", NULL);
  g_assert_cmpint (documents.status, ==, 0);
  g_assert_cmpstr (g_strstrip (documents.out), ==, "[]");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("standpoint-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/corpus-round-trip", test_corpus_round_trip);
  g_test_add_func ("/cli/errors", test_errors);

  status = g_test_run ();

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
    if (system (command) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }
  g_free (tmp_dir);

  return status;
}
