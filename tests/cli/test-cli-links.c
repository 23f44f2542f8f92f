/* test-cli-links.c: attributions, link and links on the sample project —
 * the JSON they print and their errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cli-test-helpers.h"

#define REPORT "geopolitics-of-standards-report.md"
#define TRANSCRIPT "geopolitics-of-standards-webinar-transcript.txt"

static JsonObject *
find_passage (JsonArray  *array,
              const char *prefix)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_str_has_prefix (json_object_get_string_member (object, "text"), prefix))
        return object;
    }
  g_assert_not_reached ();
}

static void
test_attributions (void)
{
  g_autofree char *project = new_sample_project ("attributions.standpoint");
  g_auto(Result) json = { 0 };
  g_auto(Result) human = { 0 };
  g_autoptr(JsonArray) array = NULL;
  JsonObject *kennedy, *candidate;
  JsonArray *candidates, *reasons;

  run_cli (&json, "attributions", project, REPORT, TRANSCRIPT, "--json", NULL);
  g_assert_cmpstr (json.err, ==, "");
  g_assert_cmpint (json.status, ==, 0);
  array = parse_array (json.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 42);  /* as in test-attribution.c */

  kennedy = find_passage (array, "As Kennedy observes, competition over international standards");
  g_assert_cmpint (json_object_get_int_member (kennedy, "document_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (kennedy, "start"), ==, 10537);
  g_assert_cmpint (json_object_get_int_member (kennedy, "end"), ==, 10819);
  g_assert_cmpstr (json_object_get_string_member (kennedy, "stakeholder"), ==, "Scott Kennedy");
  g_assert_cmpint (json_object_get_int_member (kennedy, "footnote"), ==, 18);
  g_assert_cmpstr (json_object_get_string_member (kennedy, "state"), ==, "proposed");
  g_assert_true (json_object_get_null_member (kennedy, "link_id"));
  reasons = json_object_get_array_member (kennedy, "reasons");
  g_assert_cmpuint (json_array_get_length (reasons), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (reasons, 0), ==, "names_stakeholder");
  g_assert_cmpstr (json_array_get_string_element (reasons, 1), ==, "cites_discussion");

  candidates = json_object_get_array_member (kennedy, "candidates");
  g_assert_cmpuint (json_array_get_length (candidates), ==, 5);
  candidate = json_array_get_object_element (candidates, 0);
  g_assert_cmpint (json_object_get_int_member (candidate, "start"), ==, 67869);
  g_assert_cmpint (json_object_get_int_member (candidate, "end"), ==, 69683);
  g_assert_cmpstr (json_object_get_string_member (candidate, "speaker"), ==, "Scott Kennedy");
  g_assert_cmpint (json_object_get_int_member (candidate, "timestamp_ms"), ==, 5399000);
  g_assert_cmpstr (json_object_get_string_member (candidate, "timestamp"), ==, "1:29:59");
  g_assert_true (strstr (json_object_get_string_member (candidate, "text"), "the main contest was about rents") != NULL);
  g_assert_cmpfloat (json_object_get_double_member (candidate, "score"), >,
                     json_object_get_double_member (json_array_get_object_element (candidates, 1), "score"));

  /* The same for people: range, state, who, note, text, then candidates. */
  run_cli (&human, "attributions", project, "1", "2", NULL);
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "10537-10819\tproposed\tScott Kennedy\tnote 18\n"
                                       "  As Kennedy observes, competition over"));
  g_assert_nonnull (strstr (human.out, "  1. 67869-69683\tScott Kennedy\t1:29:59\t"));
}

static void
test_link_links (void)
{
  g_autofree char *project = new_sample_project ("links.standpoint");
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_auto(Result) linked = { 0 };
  g_auto(Result) contradicts = { 0 };
  g_auto(Result) list = { 0 };
  g_auto(Result) human = { 0 };
  g_auto(Result) filtered = { 0 };
  g_autoptr(JsonArray) array = NULL;
  JsonObject *link;

  /* "As Kennedy observes" and the transcript's "about rents" sentence. */
  run_cli (&first, "annotate", project, REPORT, "10537", "10556", NULL);
  run_cli (&second, "annotate", project, TRANSCRIPT, "67986", "68018", NULL);
  g_assert_cmpstr (first.out, ==, "1\n");
  g_assert_cmpstr (second.out, ==, "2\n");

  run_cli (&linked, "link", project, "1", "2", NULL);
  g_assert_cmpstr (linked.err, ==, "");
  g_assert_cmpstr (linked.out, ==, "1\n");
  run_cli (&contradicts, "link", project, "2", "1", "--kind", "Responds-To", NULL);
  g_assert_cmpstr (contradicts.out, ==, "2\n");

  run_cli (&list, "links", project, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  array = parse_array (list.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  link = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (link, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (link, "kind"), ==, "paraphrases");
  g_assert_cmpint (json_object_get_int_member (link, "source_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (link, "source_document_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (link, "source_start"), ==, 10537);
  g_assert_cmpint (json_object_get_int_member (link, "source_end"), ==, 10556);
  g_assert_cmpint (json_object_get_int_member (link, "target_id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (link, "target_document_id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (link, "target_start"), ==, 67986);
  g_assert_cmpint (json_object_get_int_member (link, "target_end"), ==, 68018);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "kind"), ==,
                   "responds_to");

  run_cli (&human, "links", project, NULL);
  g_assert_cmpstr (human.out, ==,
                   "1\tparaphrases\t1\t1:10537-10556\t2\t2:67986-68018\n"
                   "2\tresponds_to\t2\t2:67986-68018\t1\t1:10537-10556\n");

  /* Both links touch both documents; the filter takes names too. */
  run_cli (&filtered, "links", project, "--document", TRANSCRIPT, NULL);
  g_assert_cmpstr (filtered.out, ==, human.out);

  assert_fails (1, "already Paraphrases annotation 2", "link", project, "1", "2", NULL);
  assert_fails (1, "cannot be linked to itself", "link", project, "1", "1", NULL);
  assert_fails (1, "There is no annotation 99", "link", project, "1", "99", NULL);
  assert_fails (2, "unknown kind “quotes”", "link", project, "1", "2", "--kind", "quotes", NULL);
  assert_fails (2, "must be annotation ids", "link", project, "one", "2", NULL);
  assert_fails (1, "There is no document “missing.md”", "links", project, "--document", "missing.md", NULL);
}

static void
test_attribution_errors (void)
{
  g_autofree char *project = new_sample_project ("attribution-errors.standpoint");

  assert_fails (1, "missing.md", "attributions", project, "missing.md", TRANSCRIPT, NULL);
  assert_fails (1, "against itself", "attributions", project, TRANSCRIPT, TRANSCRIPT, NULL);
  assert_fails (1, "has no speaker turns", "attributions", project, TRANSCRIPT, REPORT, NULL);
  assert_fails (2, "", "attributions", project, REPORT, NULL);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/attributions", test_attributions);
  g_test_add_func ("/cli/link-links", test_link_links);
  g_test_add_func ("/cli/attribution-errors", test_attribution_errors);

  return cli_test_run ();
}
