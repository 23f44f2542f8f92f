/* test-cli-compare.c: matrix, agreement and compare on passages tagged
 * with `annotate` — the JSON they print, their filters, and their errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cli-test-helpers.h"

#define TRANSCRIPT "geopolitics-of-standards-webinar-transcript.txt"

typedef struct
{
  char  *project;
  gint64 like_minded;
  gint64 mercantilism;
  gint64 security;
  gint64 park;
  gint64 mueller;
  gint64 kennedy;
  gint64 li;
} Tagged;

static JsonNode *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_copy (json_parser_get_root (parser));
}

/* The id of the element of @array whose "name" is @name. */
static gint64
id_named (JsonArray  *array,
          const char *name)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "name"), name) == 0)
        return json_object_get_int_member (object, "id");
    }
  g_error ("no “%s” in the listing", name);
}

/* Tags the first paragraph text holding @phrase, exactly @phrase. */
static void
tag (const char *project,
     JsonArray  *segments,
     const char *phrase,
     const char *theme,
     const char *stakeholder,
     const char *stance)
{
  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *segment = json_array_get_object_element (segments, i);
      const char *text = json_object_get_string_member (segment, "text");
      const char *hit = text != NULL ? strstr (text, phrase) : NULL;
      g_auto(Result) result = { 0 };
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      gint64 offset;

      if (hit == NULL || g_strcmp0 (json_object_get_string_member (segment, "kind"), "paragraph") != 0)
        continue;
      offset = json_object_get_int_member (segment, "start") + g_utf8_pointer_to_offset (text, hit);
      start = g_strdup_printf ("%" G_GINT64_FORMAT, offset);
      end = g_strdup_printf ("%" G_GINT64_FORMAT, offset + g_utf8_strlen (phrase, -1));
      run_cli (&result, "annotate", project, TRANSCRIPT, start, end,
               "--theme", theme, "--stakeholder", stakeholder, "--stance", stance, NULL);
      g_assert_cmpstr (result.err, ==, "");
      g_assert_cmpint (result.status, ==, 0);
      return;
    }
  g_error ("no paragraph holds “%s”", phrase);
}

static void
tagged_set_up (Tagged     *tagged,
               const char *name)
{
  g_auto(Result) segments = { 0 };
  g_auto(Result) themes = { 0 };
  g_auto(Result) stakeholders = { 0 };
  g_autoptr(JsonArray) segment_array = NULL;
  g_autoptr(JsonArray) theme_array = NULL;
  g_autoptr(JsonArray) stakeholder_array = NULL;
  const char *p;

  tagged->project = new_sample_project (name);
  p = tagged->project;

  run_cli (&segments, "segments", p, TRANSCRIPT, "--json", NULL);
  g_assert_cmpint (segments.status, ==, 0);
  segment_array = parse_array (segments.out);

  tag (p, segment_array, "an accurate challenge", "Like-minded countries", "Thomas Li", "opposes");
  tag (p, segment_array, "it is a little bit too abstract for us to keep using this language",
       "Like-minded countries", "June Park", "opposes");
  tag (p, segment_array, "like-mindedness is an American synonym for countries that practice democracy",
       "Like-minded countries", "Scott Kennedy", "supports");
  tag (p, segment_array, "subordinate technology to their national political and military ends",
       "Digital neo-mercantilism", "Milton Mueller", "supports");
  tag (p, segment_array, "we are in a period of digital neo-mercantilism",
       "Digital neo-mercantilism", "Scott Kennedy", "supports");
  tag (p, segment_array, "placing Huawei on the entity list", "National security", "Scott Kennedy", "mixed");

  run_cli (&themes, "themes", p, "--json", NULL);
  g_assert_cmpint (themes.status, ==, 0);
  theme_array = parse_array (themes.out);
  tagged->like_minded = id_named (theme_array, "Like-minded countries");
  tagged->mercantilism = id_named (theme_array, "Digital neo-mercantilism");
  tagged->security = id_named (theme_array, "National security");

  run_cli (&stakeholders, "stakeholders", p, "--json", NULL);
  g_assert_cmpint (stakeholders.status, ==, 0);
  stakeholder_array = parse_array (stakeholders.out);
  tagged->park = id_named (stakeholder_array, "June Park");
  tagged->mueller = id_named (stakeholder_array, "Milton Mueller");
  tagged->kennedy = id_named (stakeholder_array, "Scott Kennedy");
  tagged->li = id_named (stakeholder_array, "Thomas Li");
}

static void
tagged_clear (Tagged *tagged)
{
  g_free (tagged->project);
}

static char *
names_of (JsonArray *array)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (out, "%s;", json_object_get_string_member (json_array_get_object_element (array, i), "name"));
  return g_string_free (out, FALSE);
}

static char *
ids_of (JsonArray *array)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", json_array_get_int_element (array, i));
  return g_string_free (out, FALSE);
}

/* Cells as "stakeholder_id/theme_id:passages(s,o,m,ne,u,none)" lines. */
static char *
cells_of (JsonArray *cells)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *cell = json_array_get_object_element (cells, i);
      JsonObject *stances = json_object_get_object_member (cell, "stances");

      g_string_append_printf (out, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT
                              "(%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ")\n",
                              json_object_get_int_member (cell, "stakeholder_id"),
                              json_object_get_int_member (cell, "theme_id"),
                              json_object_get_int_member (cell, "passages"),
                              json_object_get_int_member (stances, "supports"),
                              json_object_get_int_member (stances, "opposes"),
                              json_object_get_int_member (stances, "mixed"),
                              json_object_get_int_member (stances, "neutral"),
                              json_object_get_int_member (stances, "unclear"),
                              json_object_get_int_member (stances, "none"));
    }
  return g_string_free (out, FALSE);
}

static JsonObject *
run_json (JsonNode  **node,
          const char *command,
          const char *project,
          const char *arg1,
          const char *arg2,
          const char *arg3)
{
  g_auto(Result) result = { 0 };

  run_cli (&result, command, project, "--json", arg1, arg2, arg3, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  *node = parse_object (result.out);
  return json_node_get_object (*node);
}

static void
test_matrix (void)
{
  Tagged tagged = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *names = NULL, *cells = NULL, *want = NULL;
  g_auto(Result) text = { 0 };
  JsonObject *matrix;
  JsonObject *theme;

  tagged_set_up (&tagged, "matrix.standpoint");

  matrix = run_json (&node, "matrix", tagged.project, NULL, NULL, NULL);
  names = names_of (json_object_get_array_member (matrix, "stakeholders"));
  g_assert_cmpstr (names, ==, "June Park;Milton Mueller;Scott Kennedy;Thomas Li;");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matrix, "themes")), ==, 12);
  theme = json_array_get_object_element (json_object_get_array_member (matrix, "themes"), 0);
  g_assert_cmpstr (json_object_get_string_member (theme, "name"), ==, "Export control and standards participation");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (theme, "color"), "#"));
  cells = cells_of (json_object_get_array_member (matrix, "cells"));
  want = g_strdup_printf ("%1$lld/%5$lld:1(0,1,0,0,0,0)\n"
                          "%2$lld/%6$lld:1(1,0,0,0,0,0)\n"
                          "%3$lld/%5$lld:1(1,0,0,0,0,0)\n"
                          "%3$lld/%6$lld:1(1,0,0,0,0,0)\n"
                          "%3$lld/%7$lld:1(0,0,1,0,0,0)\n"
                          "%4$lld/%5$lld:1(0,1,0,0,0,0)\n",
                          (long long) tagged.park, (long long) tagged.mueller, (long long) tagged.kennedy,
                          (long long) tagged.li, (long long) tagged.like_minded, (long long) tagged.mercantilism,
                          (long long) tagged.security);
  g_assert_cmpstr (cells, ==, want);
  g_assert_cmpint (json_object_get_int_member (matrix, "max_passages"), ==, 1);
  g_clear_pointer (&node, json_node_unref);

  /* Filters: stance (repeatable), document, sector. */
  matrix = run_json (&node, "matrix", tagged.project, "--stance", "opposes", NULL);
  g_free (names);
  names = names_of (json_object_get_array_member (matrix, "stakeholders"));
  g_assert_cmpstr (names, ==, "June Park;Thomas Li;");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matrix, "cells")), ==, 2);
  g_clear_pointer (&node, json_node_unref);

  matrix = run_json (&node, "matrix", tagged.project, "--document", "geopolitics-of-standards-report.md", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matrix, "stakeholders")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matrix, "cells")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (matrix, "max_passages"), ==, 0);
  g_clear_pointer (&node, json_node_unref);

  /* The sample's stakeholders have no sector yet. */
  matrix = run_json (&node, "matrix", tagged.project, "--sector", "Academia", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matrix, "stakeholders")), ==, 0);
  g_clear_pointer (&node, json_node_unref);

  /* The table a person reads: themes as T1, T2… with a legend. */
  run_cli (&text, "matrix", tagged.project, "--stance", "supports", "--stance", "mixed", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.out, ==,
                   "                T1      T2      T3\n"
                   "Milton Mueller  .       1 (1+)  .\n"
                   "Scott Kennedy   1 (1+)  1 (1+)  1 (1~)\n"
                   "\n"
                   "T1  Like-minded countries\n"
                   "T2  Digital neo-mercantilism\n"
                   "T3  National security\n"
                   "Stances: + supports, - opposes, ~ mixed, = neutral, ? unclear; the total also counts passages with no stance.\n");

  tagged_clear (&tagged);
}

static void
test_agreement (void)
{
  Tagged tagged = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_auto(Result) text = { 0 };
  JsonObject *agreement;
  JsonArray *pairs;
  const struct { gint64 *a, *b; gint64 *agree, *conflict; } expected[] = {
    { &tagged.park, &tagged.kennedy, NULL, &tagged.like_minded },
    { &tagged.park, &tagged.li, &tagged.like_minded, NULL },
    { &tagged.mueller, &tagged.kennedy, &tagged.mercantilism, NULL },
    { &tagged.kennedy, &tagged.li, NULL, &tagged.like_minded },
  };

  tagged_set_up (&tagged, "agreement.standpoint");

  agreement = run_json (&node, "agreement", tagged.project, NULL, NULL, NULL);
  pairs = json_object_get_array_member (agreement, "pairs");
  g_assert_cmpuint (json_array_get_length (pairs), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);
      g_autofree char *agree = ids_of (json_object_get_array_member (pair, "agree"));
      g_autofree char *conflict = ids_of (json_object_get_array_member (pair, "conflict"));
      g_autofree char *want_agree = expected[i].agree ? g_strdup_printf ("%lld", (long long) *expected[i].agree) : g_strdup ("");
      g_autofree char *want_conflict = expected[i].conflict ? g_strdup_printf ("%lld", (long long) *expected[i].conflict) : g_strdup ("");

      g_assert_cmpint (json_object_get_int_member (pair, "a"), ==, *expected[i].a);
      g_assert_cmpint (json_object_get_int_member (pair, "b"), ==, *expected[i].b);
      g_assert_cmpstr (agree, ==, want_agree);
      g_assert_cmpstr (conflict, ==, want_conflict);
    }
  g_assert_cmpint (json_object_get_int_member (agreement, "max_count"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (agreement, "stakeholders")), ==, 4);
  g_clear_pointer (&node, json_node_unref);

  /* Without the opponents, only Mueller and Kennedy are left to agree. */
  agreement = run_json (&node, "agreement", tagged.project, "--stance", "supports", NULL);
  pairs = json_object_get_array_member (agreement, "pairs");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (pairs, 0), "a"), ==, tagged.mueller);
  g_clear_pointer (&node, json_node_unref);

  run_cli (&text, "agreement", tagged.project, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.out, ==,
                   "June Park / Scott Kennedy: 0 agree, 1 conflict\n"
                   "  conflict: Like-minded countries\n"
                   "June Park / Thomas Li: 1 agree, 0 conflict\n"
                   "  agree: Like-minded countries\n"
                   "Milton Mueller / Scott Kennedy: 1 agree, 0 conflict\n"
                   "  agree: Digital neo-mercantilism\n"
                   "Scott Kennedy / Thomas Li: 0 agree, 1 conflict\n"
                   "  conflict: Like-minded countries\n");

  tagged_clear (&tagged);
}

static void
test_compare (void)
{
  Tagged tagged = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *compare, *column, *passage;
  JsonArray *columns, *passages;

  tagged_set_up (&tagged, "compare.standpoint");

  /* Any case for the theme; supporters first, then opponents by name. */
  compare = run_json (&node, "compare", tagged.project, "like-minded COUNTRIES", NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (compare, "theme"), ==, "Like-minded countries");
  g_assert_cmpint (json_object_get_int_member (compare, "theme_id"), ==, tagged.like_minded);
  columns = json_object_get_array_member (compare, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 3);

  column = json_array_get_object_element (columns, 0);
  g_assert_cmpstr (json_object_get_string_member (column, "stakeholder"), ==, "Scott Kennedy");
  g_assert_cmpint (json_object_get_int_member (column, "stakeholder_id"), ==, tagged.kennedy);
  g_assert_cmpstr (json_object_get_string_member (column, "prevailing"), ==, "supports");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (column, "stances"), "supports"), ==, 1);
  passages = json_object_get_array_member (column, "passages");
  g_assert_cmpuint (json_array_get_length (passages), ==, 1);
  passage = json_array_get_object_element (passages, 0);
  g_assert_cmpstr (json_object_get_string_member (passage, "quote"), ==,
                   "like-mindedness is an American synonym for countries that practice democracy");
  g_assert_cmpstr (json_object_get_string_member (passage, "stance"), ==, "supports");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (passage, "document"), "Edited transcript"));
  g_assert_cmpint (json_object_get_int_member (passage, "end") - json_object_get_int_member (passage, "start"), ==,
                   strlen ("like-mindedness is an American synonym for countries that practice democracy"));

  column = json_array_get_object_element (columns, 1);
  g_assert_cmpstr (json_object_get_string_member (column, "stakeholder"), ==, "June Park");
  g_assert_cmpstr (json_object_get_string_member (column, "prevailing"), ==, "opposes");
  passage = json_array_get_object_element (json_object_get_array_member (column, "passages"), 0);
  g_assert_cmpstr (json_object_get_string_member (passage, "quote"), ==,
                   "it is a little bit too abstract for us to keep using this language");

  column = json_array_get_object_element (columns, 2);
  g_assert_cmpstr (json_object_get_string_member (column, "stakeholder"), ==, "Thomas Li");
  passage = json_array_get_object_element (json_object_get_array_member (column, "passages"), 0);
  g_assert_cmpstr (json_object_get_string_member (passage, "quote"), ==, "an accurate challenge");
  g_clear_pointer (&node, json_node_unref);

  /* Filtered to opponents, Kennedy's column goes. */
  compare = run_json (&node, "compare", tagged.project, "Like-minded countries", "--stance", "opposes");
  columns = json_object_get_array_member (compare, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 0), "stakeholder"), ==,
                   "June Park");
  g_clear_pointer (&node, json_node_unref);

  compare = run_json (&node, "compare", tagged.project, "Like-minded countries", "--document", "1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (compare, "columns")), ==, 0);

  tagged_clear (&tagged);
}

static void
test_errors (void)
{
  g_autofree char *project = new_sample_project ("errors.standpoint");

  assert_fails (1, "no theme “Nonexistent”", "compare", project, "Nonexistent", NULL);
  assert_fails (1, "unknown stance “furious”", "matrix", project, "--stance", "furious", NULL);
  assert_fails (1, "unknown stance “furious”", "compare", project, "Like-minded countries", "--stance", "furious", NULL);
  assert_fails (1, "unknown sector “pirates”", "agreement", project, "--sector", "pirates", NULL);
  assert_fails (1, "no document “Nonexistent”", "matrix", project, "--document", "Nonexistent", NULL);
  assert_fails (2, "Usage: standpoint-cli compare PROJECT THEME", "compare", project, NULL);
  assert_fails (2, "Usage: standpoint-cli matrix PROJECT", "matrix", project, "extra", NULL);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/compare/matrix", test_matrix);
  g_test_add_func ("/cli/compare/agreement", test_agreement);
  g_test_add_func ("/cli/compare/compare", test_compare);
  g_test_add_func ("/cli/compare/errors", test_errors);

  return cli_test_run ();
}
