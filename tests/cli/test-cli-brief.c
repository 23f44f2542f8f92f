/* test-cli-brief.c: `standpoint-cli brief` on the sample corpus with one
 * tagged paragraph of Thomas Li's — each format, the scope options, and
 * the command-line mistakes that are refused without writing anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cli-test-helpers.h"

#define LI_PARAGRAPH_START "The definition of these concepts are very different from country to country."
#define LI_CITATION "Edited transcript of Webinar | The Geopolitics of Global High-tech Standards: " \
                    "Key issues and debates, Thomas Li, 12:38, ¶ 27"

static char *project;

/* Tags the paragraph of Li's turn that search finds for "decouple all
 * these", as opposing "Values in standards", with a hostile memo. */
static void
tag_li_paragraph (void)
{
  g_auto(Result) search = { 0 };
  g_auto(Result) annotate = { 0 };
  g_autoptr(JsonArray) hits = NULL;
  JsonObject *hit;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  run_cli (&search, "search", "--json", project, "\"decouple all these\"", NULL);
  g_assert_cmpint (search.status, ==, 0);
  hits = parse_array (search.out);
  g_assert_cmpuint (json_array_get_length (hits), ==, 1);
  hit = json_array_get_object_element (hits, 0);
  start = g_strdup_printf ("%lld", (long long) json_object_get_int_member (hit, "start"));
  end = g_strdup_printf ("%lld", (long long) json_object_get_int_member (hit, "end"));

  run_cli (&annotate, "annotate", project, "2", start, end, "--theme", "Values in standards",
           "--stance", "opposes", "--memo", "<img src=x onerror=alert(1)> [x](http://evil.example)", NULL);
  g_assert_cmpstr (annotate.err, ==, "");
  g_assert_cmpint (annotate.status, ==, 0);
}

static char *
brief_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
write_brief (const char *name,
             const char *format,
             const char *option,
             const char *value)
{
  g_auto(Result) result = { 0 };
  char *path = brief_path (name);
  char *contents = NULL;

  run_cli (&result, "brief", project, "--format", format, "-o", path,
           "--title", "CLI brief", option, value, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_free (path);
  return contents;
}

static void
test_markdown (void)
{
  g_autofree char *markdown = write_brief ("brief.md", "md", NULL, NULL);

  g_assert_true (g_str_has_prefix (markdown, "# CLI brief\n\n"));
  g_assert_nonnull (strstr (markdown, "\n## Values in standards\n"));
  g_assert_nonnull (strstr (markdown, "| Thomas Li | Opposes | 1 |\n"));
  g_assert_nonnull (strstr (markdown, "\n> " LI_PARAGRAPH_START));
  g_assert_nonnull (strstr (markdown, "Thomas Li, 12:38, ¶ 27 (Opposes)\n"));
  g_assert_nonnull (strstr (markdown, "*Memo:* \\<img src=x onerror=alert(1)\\> \\[x\\](http://evil.example)\n"));
}

static void
test_html_scope (void)
{
  g_autofree char *html = write_brief ("brief.html", "html", "--stakeholder", "Thomas Li");
  g_autofree char *empty = write_brief ("empty.html", "html", "--stance", "supports");
  g_autofree char *other = write_brief ("other.html", "html", "--theme", "Like-minded countries");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  g_assert_nonnull (strstr (html, "<h1>CLI brief</h1>"));
  g_assert_nonnull (strstr (html, "<li>Stakeholders: Thomas Li</li>"));
  g_assert_nonnull (strstr (html, "<blockquote><p>" LI_PARAGRAPH_START));
  g_assert_nonnull (strstr (html, "<span class=\"citation\">" LI_CITATION "</span>"));
  g_assert_nonnull (strstr (html, "&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_null (strstr (html, "<img"));

  g_assert_nonnull (strstr (empty, "<li>Stances: Supports</li>"));
  g_assert_nonnull (strstr (empty, "<p>No annotated passages are in the brief&#39;s scope.</p>"));
  g_assert_null (strstr (empty, "<blockquote>"));
  g_assert_nonnull (strstr (other, "<li>Themes: Like-minded countries</li>"));
  g_assert_null (strstr (other, "<blockquote>"));
}

static void
test_pdf (void)
{
  g_autofree char *pdf = write_brief ("brief.pdf", "pdf", "--paper", "letter");
  g_autofree char *path = brief_path ("brief.pdf");
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };

  g_assert_true (g_str_has_prefix (pdf, "%PDF-1."));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &info, NULL, NULL, NULL));
  g_assert_nonnull (strstr (info, "Title:           CLI brief\n"));
  g_assert_nonnull (strstr (info, "Page size:       612 x 792 pts (letter)\n"));
  /* The theme on page 1, the codebook and the sources on page 2. */
  g_assert_nonnull (strstr (info, "Pages:           2\n"));
}

static void
test_mistakes (void)
{
  g_autofree char *path = brief_path ("never.md");

  assert_fails (2, "--format", "brief", project, "-o", path, NULL);
  assert_fails (2, "--format", "brief", project, "--format", "docx", "-o", path, NULL);
  assert_fails (2, "-o FILE", "brief", project, "--format", "md", NULL);
  assert_fails (2, "--paper", "brief", project, "--format", "pdf", "--paper", "a5", "-o", path, NULL);
  assert_fails (2, "“maybe”", "brief", project, "--format", "md", "--stance", "maybe", "-o", path, NULL);
  assert_fails (1, "Nonexistent theme", "brief", project, "--format", "md", "--theme", "Nonexistent theme", "-o", path, NULL);
  assert_fails (1, "Nobody", "brief", project, "--format", "md", "--stakeholder", "Nobody", "-o", path, NULL);
  assert_fails (1, "nothing.txt", "brief", project, "--format", "md", "--document", "nothing.txt", "-o", path, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  cli_test_init (&argc, &argv);
  project = new_sample_project ("brief.standpoint");
  tag_li_paragraph ();

  g_test_add_func ("/Cli/brief/markdown", test_markdown);
  g_test_add_func ("/Cli/brief/html-scope", test_html_scope);
  g_test_add_func ("/Cli/brief/pdf", test_pdf);
  g_test_add_func ("/Cli/brief/mistakes", test_mistakes);

  status = cli_test_run ();
  g_free (project);
  return status;
}
