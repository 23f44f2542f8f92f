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

#include "cli-test-helpers.h"

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

static void
test_annotate_round_trip (void)
{
  g_autofree char *project = new_sample_project ("annotate.standpoint");
  g_auto(Result) found = { 0 };
  g_auto(Result) annotate = { 0 };
  g_auto(Result) listed = { 0 };
  g_auto(Result) memo = { 0 };
  g_auto(Result) removed = { 0 };
  g_auto(Result) empty = { 0 };
  g_autoptr(JsonArray) hits = NULL;
  g_autoptr(JsonArray) annotations = NULL;
  g_autoptr(JsonArray) memo_hits = NULL;
  g_autofree char *document = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *past_end = NULL;
  JsonObject *hit, *annotation;
  JsonArray *themes;
  gint64 segment_start;

  /* Where Thomas Li coins "like-minded standards", as search reports it. */
  run_cli (&found, "search", project, "\"like-minded standards\"", "--json", "--stakeholder", "Thomas Li", NULL);
  g_assert_cmpint (found.status, ==, 0);
  hits = parse_array (found.out);
  g_assert_cmpuint (json_array_get_length (hits), ==, 1);
  hit = json_array_get_object_element (hits, 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "kind"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (hit, "stakeholder"), ==, "Thomas Li");
  g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "\"like-minded standards\""));
  segment_start = json_object_get_int_member (hit, "start");
  document = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (hit, "document_id"));

  /* Mid-word on both ends: "d in today's question 5, wh" → whole words. */
  start = g_strdup_printf ("%" G_GINT64_FORMAT, segment_start + 2);
  end = g_strdup_printf ("%" G_GINT64_FORMAT, segment_start + 30);
  run_cli (&annotate, "annotate", project, document, start, end, "--theme", "Like-minded countries",
           "--stance", "opposes", "--memo", "coins a term", NULL);
  g_assert_cmpstr (annotate.err, ==, "");
  g_assert_cmpint (annotate.status, ==, 0);
  g_assert_cmpint (g_ascii_strtoll (annotate.out, NULL, 10), >, 0);

  run_cli (&listed, "annotations", project, "--json", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  annotations = parse_array (listed.out);
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
  annotation = json_array_get_object_element (annotations, 0);
  g_assert_cmpint (json_object_get_int_member (annotation, "id"), ==, g_ascii_strtoll (annotate.out, NULL, 10));
  g_assert_cmpint (json_object_get_int_member (annotation, "start"), ==, segment_start);
  g_assert_cmpstr (json_object_get_string_member (annotation, "quote"), ==, "And in today's question 5, what");
  g_assert_cmpint (json_object_get_int_member (annotation, "end"), ==, segment_start + 31);
  g_assert_cmpstr (json_object_get_string_member (annotation, "stakeholder"), ==, "Thomas Li");
  g_assert_cmpstr (json_object_get_string_member (annotation, "stance"), ==, "opposes");
  g_assert_cmpstr (json_object_get_string_member (annotation, "memo"), ==, "coins a term");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (annotation, "document"), "Edited transcript"));
  themes = json_object_get_array_member (annotation, "themes");
  g_assert_cmpuint (json_array_get_length (themes), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (themes, 0), ==, "Like-minded countries");

  /* The memo is searchable, and the annotation filters apply. */
  run_cli (&memo, "search", project, "coins", "--json", "--theme", "Like-minded countries", NULL);
  g_assert_cmpint (memo.status, ==, 0);
  memo_hits = parse_array (memo.out);
  g_assert_cmpuint (json_array_get_length (memo_hits), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (memo_hits, 0), "kind"), ==, "annotation");

  /* Bad input: exit 1 (2 for a malformed command line), nothing changed. */
  past_end = g_strdup_printf ("%d", 10000000);
  assert_fails (1, "no theme “Nonexistent”", "annotate", project, document, start, end, "--theme", "Nonexistent", NULL);
  assert_fails (1, "no stakeholder “Nobody”", "annotate", project, document, start, end, "--stakeholder", "Nobody", NULL);
  assert_fails (1, "unknown stance “furious”", "annotate", project, document, start, end, "--stance", "furious", NULL);
  assert_fails (1, "72461 characters", "annotate", project, document, start, past_end, NULL);
  assert_fails (1, "at least one character", "annotate", project, document, start, start, NULL);
  assert_fails (2, "must be character offsets", "annotate", project, document, "ten", end, NULL);
  assert_fails (1, "no document “Nonexistent”", "annotate", project, "Nonexistent", start, end, NULL);
  assert_fails (1, "There is no annotation 999", "unannotate", project, "999", NULL);
  assert_fails (2, "not an annotation id", "unannotate", project, "x", NULL);

  run_cli (&removed, "unannotate", project, g_strstrip (annotate.out), NULL);
  g_assert_cmpstr (removed.err, ==, "");
  g_assert_cmpint (removed.status, ==, 0);
  run_cli (&empty, "annotations", project, "--json", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (g_strstrip (empty.out), ==, "[]");
}

static void
test_search (void)
{
  g_autofree char *project = new_sample_project ("search.standpoint");
  g_auto(Result) prefix = { 0 };
  g_auto(Result) in_report = { 0 };
  g_auto(Result) text = { 0 };
  g_autoptr(JsonArray) hits = NULL;
  g_autoptr(JsonArray) report_hits = NULL;

  run_cli (&prefix, "search", project, "export contr*", "--json", "--limit", "0", NULL);
  g_assert_cmpint (prefix.status, ==, 0);
  hits = parse_array (prefix.out);
  g_assert_cmpuint (json_array_get_length (hits), >=, 5);
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      JsonArray *highlights = json_object_get_array_member (hit, "highlights");

      g_assert_cmpstr (json_object_get_string_member (hit, "kind"), ==, "text");
      g_assert_cmpuint (json_array_get_length (highlights), >=, 2);
      if (i > 0)
        g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (hits, i - 1), "rank"),
                           <=, json_object_get_double_member (hit, "rank"));
    }

  run_cli (&in_report, "search", project, "U.S.", "--json", "--document", "1", "--reading-order", NULL);
  g_assert_cmpint (in_report.status, ==, 0);
  report_hits = parse_array (in_report.out);
  g_assert_cmpuint (json_array_get_length (report_hits), >, 0);
  for (guint i = 0; i < json_array_get_length (report_hits); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (report_hits, i), "document_id"), ==, 1);

  run_cli (&text, "search", project, "\"like-minded standards\"", "--limit", "1", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "[like-minded standards]"));
  g_assert_cmpuint (strlen (text.out) > 0 && strchr (text.out, '\n') == text.out + strlen (text.out) - 1, ==, TRUE);

  assert_fails (1, "Unbalanced quote", "search", project, "\"like-minded", NULL);
  assert_fails (1, "“AND” in the search must stand between two words", "search", project, "AND", NULL);
  assert_fails (1, "must follow the start of a word", "search", project, "*", NULL);
  assert_fails (1, "NEAR(…) is not supported", "search", project, "NEAR(", NULL);
  assert_fails (1, "no stakeholder “Nobody”", "search", project, "China", "--stakeholder", "Nobody", NULL);
  assert_fails (1, "unknown stance", "search", project, "China", "--stance", "angry", NULL);
  assert_fails (2, "Usage", "search", project, NULL);
}

static void
test_themes (void)
{
  g_autofree char *empty = new_project ("themes-empty.standpoint");
  g_autofree char *sample = g_build_filename (tmp_dir, "themes-sample.standpoint", NULL);
  g_auto(Result) created = { 0 };
  g_auto(Result) listed_empty = { 0 };
  g_auto(Result) listed = { 0 };
  g_auto(Result) added = { 0 };
  g_auto(Result) duplicate = { 0 };
  g_auto(Result) taken = { 0 };
  g_auto(Result) no_parent = { 0 };
  g_auto(Result) bad_color = { 0 };
  g_auto(Result) after = { 0 };
  g_auto(Result) text = { 0 };
  g_auto(Result) unknown_codebook = { 0 };
  g_autoptr(JsonArray) array = NULL;
  JsonObject *object;

  /* Plain "new" starts with an empty codebook. */
  run_cli (&listed_empty, "themes", empty, "--json", NULL);
  g_assert_cmpint (listed_empty.status, ==, 0);
  g_assert_cmpstr (g_strstrip (listed_empty.out), ==, "[]");

  run_cli (&created, "new", sample, "--codebook", "sample", NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpstr (created.err, ==, "");

  run_cli (&listed, "themes", sample, "--json", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  array = parse_array (listed.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 12);
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Like-minded countries");
  g_assert_cmpstr (json_object_get_string_member (object, "statement"), ==,
                   "Standards cooperation should be limited to like-minded countries");
  g_assert_cmpstr (json_object_get_string_member (object, "shortcut"), ==, "2");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, "parent")));
  g_assert_cmpint (json_object_get_int_member (object, "annotations"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "depth"), ==, 0);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "color"), "#"));
  g_assert_true (json_object_has_member (object, "description"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_array_get_object_element (array, 11), "shortcut")));
  g_clear_pointer (&array, json_array_unref);

  run_cli (&added, "theme-add", sample, "Huawei and 5G", "--parent", "national SECURITY",
           "--color", "#1C71D8", "--statement", "Huawei should be kept out of 5G networks",
           "--description", "The 5G case", "--shortcut", "h", NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_nonnull (strstr (added.out, "Added theme 13"));

  run_cli (&duplicate, "theme-add", sample, "the global south", NULL);
  g_assert_cmpint (duplicate.status, ==, 1);
  g_assert_nonnull (strstr (duplicate.err, "A theme “The Global South” already exists"));
  run_cli (&taken, "theme-add", sample, "Semiconductors", "--shortcut", "3", NULL);
  g_assert_cmpint (taken.status, ==, 1);
  g_assert_nonnull (strstr (taken.err, "Shortcut 3 is already used by “Values in standards”"));
  run_cli (&no_parent, "theme-add", sample, "Semiconductors", "--parent", "Chips", NULL);
  g_assert_cmpint (no_parent.status, ==, 1);
  g_assert_nonnull (strstr (no_parent.err, "no theme “Chips”"));
  run_cli (&bad_color, "theme-add", sample, "Semiconductors", "--color", "red", NULL);
  g_assert_cmpint (bad_color.status, ==, 1);
  g_assert_nonnull (strstr (bad_color.err, "not a colour"));

  /* Only the one good theme-add changed anything; it sits in tree order
   * under its parent. */
  run_cli (&after, "themes", sample, "--json", NULL);
  array = parse_array (after.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 13);
  object = json_array_get_object_element (array, 10);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Huawei and 5G");
  g_assert_cmpstr (json_object_get_string_member (object, "parent"), ==, "National security");
  g_assert_cmpint (json_object_get_int_member (object, "depth"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "color"), ==, "#1c71d8");
  g_assert_cmpstr (json_object_get_string_member (object, "shortcut"), ==, "h");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 9), "name"), ==,
                   "National security");

  run_cli (&text, "themes", sample, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "\t  Huawei and 5G\n"));

  run_cli (&unknown_codebook, "new", empty, "--codebook", "nvivo", NULL);
  g_assert_cmpint (unknown_codebook.status, ==, 2);
  g_assert_nonnull (strstr (unknown_codebook.err, "unknown codebook"));
}

static void
test_samples_codebook_mentions (void)
{
  g_autofree char *project = g_build_filename (tmp_dir, "with-samples.standpoint", NULL);
  g_auto(Result) created = { 0 };
  g_auto(Result) themes = { 0 };
  g_auto(Result) mentions = { 0 };
  g_autoptr(JsonArray) array = NULL;
  gboolean found_kennedy = FALSE;

  run_cli (&created, "new", project, "--with-samples", NULL);
  g_assert_cmpint (created.status, ==, 0);

  run_cli (&themes, "themes", project, "--json", NULL);
  array = parse_array (themes.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 12);
  g_clear_pointer (&array, json_array_unref);

  run_cli (&mentions, "mentions", project, "geopolitics-of-standards-report.md", "--json", NULL);
  g_assert_cmpint (mentions.status, ==, 0);
  array = parse_array (mentions.out);
  g_assert_cmpuint (json_array_get_length (array), >=, 40);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "alias"), "Kennedy") == 0)
        {
          found_kennedy = TRUE;
          g_assert_cmpstr (json_object_get_string_member (object, "stakeholder"), ==, "Scott Kennedy");
          g_assert_cmpint (json_object_get_int_member (object, "end") - json_object_get_int_member (object, "start"), ==, 7);
        }
    }
  g_assert_true (found_kennedy);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/corpus-round-trip", test_corpus_round_trip);
  g_test_add_func ("/cli/themes", test_themes);
  g_test_add_func ("/cli/samples-codebook-mentions", test_samples_codebook_mentions);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/annotate-round-trip", test_annotate_round_trip);
  g_test_add_func ("/cli/search", test_search);

  return cli_test_run ();
}
